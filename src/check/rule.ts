/** The shape every content rule has, and a helper to write its findings. */
import type { Diagnostic, Severity } from "../diagnostics.ts";
import { keyLine } from "../content/front-matter.ts";
import type { SiteModel, SitePage } from "./site-model.ts";
import type { Located } from "../markdown/source-lines.ts";

/** A rule reads the whole site model and returns what it finds; it never throws for content. */
export type Rule = (model: SiteModel) => Diagnostic[];

/** A finding in `file` at `at` (a position, or a front matter key path whose line is used). */
export function finding(
  page: Pick<SitePage, "file" | "source">,
  at: Located | readonly string[],
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
  const where: Located = Array.isArray(at)
    ? { line: page.source ? keyLine(page.source.frontMatter, at) : 1, column: 1 }
    : (at as Located);
  return { file: page.file, line: where.line, column: where.column, severity, rule, message };
}

/**
 * `compute` remembered per page object. Between dev-server rebuilds the page cache
 * (page-cache.ts) hands back the same object for an unchanged file, and new ones for
 * every file once anything pages read besides themselves changed, so work that depends
 * on one page alone (and on what the site's files hold) is done once per version of the
 * file, not once per rebuild. `args` must be the same for every call with one page: the
 * site's own (its model's root), never other pages.
 */
export function perPage<T, A extends unknown[] = []>(compute: (page: SitePage, ...args: A) => T): (page: SitePage, ...args: A) => T {
  const memo = new WeakMap<SitePage, T>();
  return (page, ...args) => {
    if (!memo.has(page)) memo.set(page, compute(page, ...args));
    return memo.get(page)!;
  };
}

/** The start of the file, for findings about a file as a whole. */
export const FILE_START: Located = { line: 1, column: 1 };
