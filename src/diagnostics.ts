/** Authoring problems, reported as `path:line:col: severity: message (rule-id)`. */

export type Severity = "error" | "warning";

/** One problem found in the content, pointing at the place an author must edit. */
export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  message: string;
  /** Stable id of the rule that found it, e.g. `front-matter/required`. */
  rule: string;
}

/** Formats one diagnostic the way compilers do, so editors make it clickable. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.rule})`;
}

/** Orders diagnostics by file, then position, so reports are stable across runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule),
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}

/** Thrown when a production build meets authoring errors; the message lists all of them. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  /** Read by Eleventy's error handler: the stack of an authoring error is noise. */
  readonly skipOriginalStack = true;

  constructor(diagnostics: readonly Diagnostic[]) {
    const sorted = sortDiagnostics(diagnostics);
    const errors = sorted.filter((d) => d.severity === "error");
    super(
      `${errors.length} content error(s):\n` + sorted.map(formatDiagnostic).join("\n"),
    );
    this.name = "ContentError";
    this.diagnostics = sorted;
  }
}
