/** The trail above a page's title: home, section, groups, page. */
import { pageItemsOf } from "./nav-schema.ts";
import type { PageRef } from "./page-ref.ts";
import type { SiteIndex } from "./site-index.ts";

/** One step of the trail; the last one is the current page and has `current`. */
export interface Crumb {
  label: string;
  url?: string;
  current?: boolean;
  /** The language of `label` when it is a placeholder's borrowed title. */
  lang?: string;
}

/**
 * Home → section (nav label, linked to its index) → nav groups → the page. A home page
 * has no trail; a section index ends at its section.
 */
export function breadcrumbs(index: SiteIndex, page: PageRef, homeLabel: string): Crumb[] {
  if (page.kind === "home") return [];
  const home = index.home(page.lang);
  const trail: Crumb[] = [{ label: homeLabel, ...(home ? { url: home.url } : {}) }];
  if (page.section) {
    const navSection = index.navSection(page.lang, page.section);
    const sectionPage = index.sectionIndex(page.lang, page.section);
    const label = navSection?.label ?? sectionPage?.title ?? page.section;
    if (page.kind === "section") return [...trail, { label, url: page.url, current: true }];
    trail.push({ label, ...(sectionPage ? { url: sectionPage.url } : {}) });
    const entry = navSection && pageItemsOf(navSection).find(({ item }) => item.id === page.navId);
    for (const group of entry?.groups ?? []) trail.push({ label: group });
  }
  const lang = page.placeholderOf?.lang;
  return [...trail, { label: page.title, url: page.url, current: true, ...(lang ? { lang } : {}) }];
}
