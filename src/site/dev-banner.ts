/**
 * What the dev server's diagnostics banner shows on one page (the markup is
 * `_includes/partials/dev-diagnostics.njk`): the counts, this page's findings first, the
 * other files' findings folded, and the Gyazo media without a recorded size as one line,
 * since an author cannot fix those offline one by one.
 */
import type { Diagnostic, Severity } from "../diagnostics.ts";
import { markerId } from "../markdown/dev-marker.ts";
import { SIZE_UNKNOWN_RULE } from "../media/size-warnings.ts";

/** One finding as the banner lists it. */
export interface BannerItem {
  severity: Severity;
  /** `file:line:col`, as the terminal prints it. */
  place: string;
  /** Where the place is in the served site: the page, at the inline marker of its line; absent for data files. */
  href?: string;
  message: string;
  rule: string;
}

/** The banner of one page; undefined when there is nothing to show. */
export interface DevBanner {
  errors: number;
  warnings: number;
  /** Findings in the file this page is built from. */
  here: BannerItem[];
  /** Findings in every other file. */
  elsewhere: BannerItem[];
  /** `media/size-unknown` warnings, all files together. */
  sizeUnknown?: { count: number; message: string };
}

/**
 * The banner for the page built from `pageFile` (a path like the diagnostics'), given the
 * site's findings, each page file's URL and where failed blocks left markers (`file:line`).
 * A finding links to its marker when there is one, else to its page.
 */
export function devBanner(all: readonly Diagnostic[], pageFile: string, urls: ReadonlyMap<string, string>, markers: ReadonlySet<string> = new Set()): DevBanner | undefined {
  if (all.length === 0) return undefined;
  const item = (d: Diagnostic): BannerItem => {
    const url = urls.get(d.file);
    return {
      severity: d.severity,
      place: `${d.file}:${d.line}:${d.column}`,
      href: url === undefined ? undefined : markers.has(`${d.file}:${d.line}`) ? `${url}#${markerId(d.line)}` : url,
      message: d.message,
      rule: d.rule,
    };
  };
  const sizes = all.filter((d) => d.rule === SIZE_UNKNOWN_RULE);
  const listed = all.filter((d) => d.rule !== SIZE_UNKNOWN_RULE);
  // Errors before warnings within each group: the one that breaks the page comes first.
  const bySeverity = (a: Diagnostic, b: Diagnostic) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1);
  const errors = all.filter((d) => d.severity === "error").length;
  return {
    errors,
    warnings: all.length - errors,
    here: listed.filter((d) => d.file === pageFile).sort(bySeverity).map(item),
    elsewhere: listed.filter((d) => d.file !== pageFile).sort(bySeverity).map(item),
    sizeUnknown: sizes.length
      ? {
          count: sizes.length,
          message: `${sizes.length} Gyazo media in ${new Set(sizes.map((d) => d.file)).size} file(s) have no recorded size and show in 16:9 boxes; run \`npm run media:sync\` when online`,
        }
      : undefined,
  };
}
