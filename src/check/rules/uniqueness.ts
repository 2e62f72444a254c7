/** Cross-page identity: one page per (lang, section, slug), one page per URL. */
import type { Diagnostic } from "../../diagnostics.ts";
import { urlOf } from "../../content/page-identity.ts";
import { normaliseUrl } from "../../util/url-path.ts";
import { finding, type Rule } from "../rule.ts";
import type { SitePage } from "../site-model.ts";

/**
 * Pages sharing a key, reported on the ones that are out of place (`misplaced`), so the
 * file to fix is the one named; when none is, on every page after the first.
 */
function clashes(
  pages: readonly SitePage[],
  keyOf: (page: SitePage) => string | undefined,
  misplaced: (page: SitePage) => boolean,
): Array<{ page: SitePage; others: SitePage[] }> {
  const groups = new Map<string, SitePage[]>();
  for (const page of pages) {
    const key = keyOf(page);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), page]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) => {
      const culprits = group.some(misplaced) ? group.filter(misplaced) : group.slice(1);
      return culprits.map((page) => ({ page, others: group.filter((p) => p !== page) }));
    });
}

const slugOf = (page: SitePage) => (typeof page.data.slug === "string" ? page.data.slug : page.identity?.slug);

/** Guide pages are identified by (lang, section, slug); the folder gives lang and section. */
function identity(page: SitePage): string | undefined {
  const id = page.identity;
  return id?.kind === "guide" ? `${id.lang}/${id.section}/${slugOf(page)}` : undefined;
}

const names = (pages: readonly SitePage[]) => pages.map((p) => p.file).join(", ");

/**
 * A slug that disagrees with its file name can make two files claim one page, and two
 * permalinks can collide (Eleventy would refuse to write either).
 */
export const uniquenessRule: Rule = (model) => {
  const out: Diagnostic[] = [];
  const said = new Set<SitePage>();
  for (const { page, others } of clashes(model.pages, identity, (p) => slugOf(p) !== p.identity?.slug)) {
    said.add(page);
    const message = `page ${identity(page)} is also defined by ${names(others)}; (lang, section, slug) must be unique`;
    out.push(finding(page, ["slug"], "error", "front-matter/duplicate", message));
  }
  const offPlace = (p: SitePage) => p.url !== undefined && normaliseUrl(p.url) !== (p.identity && urlOf(p.identity));
  for (const { page, others } of clashes(model.pages, (p) => p.url && normaliseUrl(p.url), offPlace)) {
    if (said.has(page)) continue; // the same clash, said once
    const message = `URL ${page.url} is also the URL of ${names(others)}; each page needs its own permalink`;
    out.push(finding(page, ["permalink"], "error", "front-matter/duplicate-url", message));
  }
  return out;
};
