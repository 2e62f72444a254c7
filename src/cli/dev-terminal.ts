/**
 * What `npm start` prints per rebuild: the findings that are new since the previous build
 * (each finding once, not again on every save), then one summary line, instead of
 * Eleventy's line per written file.
 */
import { formatDiagnostic, type Diagnostic } from "../diagnostics.ts";

/** How one build went. */
export interface BuildSummary {
  /** HTML pages written; undefined when the build failed. */
  pages?: number;
  ms: number;
  /** When the saved page was patched in place before the rebuild (src/cli/dev-rebuilds.ts): ms after the build began (at the save, for a rebuild). */
  shownMs?: number;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `[dev] 18 pages written in 0.41 s · 0 errors, 6 warnings` (or the failure's line). */
export function summaryLine(diagnostics: readonly Diagnostic[], build: BuildSummary): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const counts = `${count(errors, "error")}, ${count(diagnostics.length - errors, "warning")}`;
  const seconds = (build.ms / 1000).toFixed(2);
  return build.pages === undefined
    ? `[dev] build failed after ${seconds} s, still serving the previous pages · ${counts}`
    : `[dev] ${count(build.pages, "page")} written in ${seconds} s${build.shownMs === undefined ? "" : ` (the saved page shown after ${(build.shownMs / 1000).toFixed(2)} s)`} · ${counts}`;
}

/** The dev server's terminal: remembers what it printed, so a finding shows once while it lasts. */
export class DevTerminal {
  #printed = new Set<string>();

  constructor(private readonly write: (text: string) => void) {}

  /** Prints the findings the previous build did not have, then the summary line. */
  report(diagnostics: readonly Diagnostic[], build: BuildSummary): void {
    const lines = diagnostics.map(formatDiagnostic);
    const fresh = lines.filter((line) => !this.#printed.has(line));
    this.#printed = new Set(lines);
    this.write([...fresh, summaryLine(diagnostics, build)].join("\n") + "\n");
  }
}
