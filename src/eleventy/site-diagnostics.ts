/**
 * What the latest build of a configured site found: the content check's diagnostics and
 * Eleventy's own errors. One list, so the terminal, the dev overlay and the banner tell
 * the same story as `npm run check`.
 */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../diagnostics.ts";
import { BUILD_RULES, contentErrorDiagnostics, diagnosticsOfEleventyError, pageOfEleventyError } from "./eleventy-errors.ts";

/** Diagnostics of one configured site, kept across the dev server's rebuilds. */
export class SiteDiagnostics {
  /** The content check's findings, from the latest `eleventy.before`. */
  content: Diagnostic[] = [];
  /** How many content files the check read. */
  files = 0;
  /** The URL of each content page, for the banner's links. */
  urls = new Map<string, string>();
  /** `file:line` of each dev marker a failed block left on a page: the banner links to it. */
  markers = new Set<string>();
  /** Eleventy's own errors when the latest build failed; empty after a build that succeeded. */
  build: Diagnostic[] = [];
  /** Set by the project's CLIs, which print the report themselves; the plugin then prints nothing. */
  reportedByCaller = false;
  #failed = false;

  constructor(readonly root: string) {}

  /**
   * Records a failed build. The check reads the same files first and names the exact
   * place (a YAML error, a nav file that is not JSON), so an Eleventy error at a place the
   * check already reported is not listed twice.
   */
  buildFailed(error: unknown): Diagnostic[] {
    this.#failed = true;
    // A ContentError carries diagnostics already: the check's own (listed in `content`), or
    // another plugin's (the site URL check), which are added as they are.
    const carried = contentErrorDiagnostics(error);
    if (carried) {
      const known = new Set(this.content.map(formatDiagnostic));
      return (this.build = carried.filter((d) => !known.has(formatDiagnostic(d))));
    }
    const errors = this.content.filter((d) => d.severity === "error");
    // A page the check already found broken (a lang that is no locale) breaks its layout's
    // render too: the check's finding is the cause to fix, the render error only its echo.
    const page = pageOfEleventyError(error, this.root);
    if (page && errors.some((d) => d.file === page)) return (this.build = []);
    const reported = new Set(errors.map((d) => `${d.file}:${d.line}`));
    // Two pages at one URL: the check names both pages (front-matter/duplicate-url); Eleventy only the output file.
    const duplicateKnown = errors.some((d) => d.rule.startsWith("front-matter/duplicate"));
    this.build = diagnosticsOfEleventyError(error, this.root).filter(
      (d) => !reported.has(`${d.file}:${d.line}`) && !(duplicateKnown && d.rule === BUILD_RULES.duplicateOutput),
    );
    return this.build;
  }

  buildSucceeded(): void {
    this.#failed = false;
    this.build = [];
  }

  /** Whether the latest build failed. */
  get failed(): boolean {
    return this.#failed;
  }

  /** Every finding of the latest build, sorted by file and place. */
  all(): Diagnostic[] {
    return sortDiagnostics([...this.content, ...this.build]);
  }
}
