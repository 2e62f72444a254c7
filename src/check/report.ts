/** How `npm run check` prints its findings: compiler-style lines, or JSON for machines. */
import { formatDiagnostic, type Diagnostic } from "../diagnostics.ts";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `2 errors, 1 warning in 14 files`. */
export function summaryLine(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return `${plural(errors, "error")}, ${plural(diagnostics.length - errors, "warning")} in ${plural(files, "file")}`;
}

/**
 * Text: one line per diagnostic, then the summary line. JSON: `{ diagnostics, errors,
 * warnings, files }`, each diagnostic `{ file, line, column, severity, message, rule }`.
 */
export function formatReport(diagnostics: readonly Diagnostic[], files: number, format: "text" | "json"): string {
  if (format === "json") {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    return JSON.stringify({ diagnostics, errors, warnings: diagnostics.length - errors, files }, null, 2);
  }
  return [...diagnostics.map(formatDiagnostic), summaryLine(diagnostics, files)].join("\n");
}
