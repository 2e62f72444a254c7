/** Previous and next pages within a section, in the order of the nav file. */
import type { PageRef } from "./page-ref.ts";
import type { SiteIndex } from "./site-index.ts";

/** A neighbour link: the page and the label the nav gives it. */
export interface Neighbour {
  label: string;
  url: string;
  untranslated: boolean;
  /** The language of `label` when it is a placeholder's borrowed title. */
  labelLang?: string;
}

/** The page before and after `page` in its section's nav (groups flattened); none across sections. */
export function prevNext(index: SiteIndex, page: PageRef): { prev?: Neighbour; next?: Neighbour } {
  const section = index.navSection(page.lang, page.section);
  if (!section) return {};
  const items = index.resolvedItems(page.lang, section);
  const at = items.findIndex((item) => item.page.url === page.url);
  if (at < 0) return {};
  const neighbour = (n: number): Neighbour | undefined => {
    const item = items[n];
    if (!item) return undefined;
    const { label, labelLang } = item;
    return { label, url: item.page.url, untranslated: Boolean(item.page.placeholderOf), ...(labelLang ? { labelLang } : {}) };
  };
  const prev = neighbour(at - 1);
  const next = neighbour(at + 1);
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}

/** The pages a section index lists: nav order first, then pages of the section missing from the nav. */
export function sectionPages(index: SiteIndex, lang: string, sectionId: string): PageRef[] {
  const section = index.navSection(lang, sectionId);
  const listed = section ? index.resolvedItems(lang, section).map((item) => item.page) : [];
  const others = index.pages
    .filter((p) => p.lang === lang && p.section === sectionId && p.kind === "guide" && !listed.includes(p))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  return [...listed, ...others];
}
