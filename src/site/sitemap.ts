/** sitemap.xml entries: every indexable page with its hreflang alternates. */
import type { SiteIndex } from "../nav/site-index.ts";
import { alternates, type Alternate } from "../nav/translations.ts";
import { absoluteUrl, type SiteConfig } from "./site-config.ts";

/** One `<url>`: absolute `loc` and its `xhtml:link` alternates (hreflang values, absolute hrefs). */
export interface SitemapEntry {
  loc: string;
  alternates: Array<{ hreflang: string; href: string }>;
}

/**
 * Real pages only: placeholders and 404 pages are noindex. The root chooser is listed
 * with its homes' cluster (it is their `x-default`). `htmlLangOf` maps locale codes to
 * hreflang values.
 */
export function sitemapEntries(index: SiteIndex, config: SiteConfig, htmlLangOf: (code: string) => string): SitemapEntry[] {
  const toLinks = (list: Alternate[]) =>
    list.map((a) => ({ hreflang: a.lang === "x-default" ? a.lang : htmlLangOf(a.lang), href: absoluteUrl(config, a.url) }));
  const entries: SitemapEntry[] = index.pages
    .filter((page) => !page.placeholderOf && !page.noindex)
    .map((page) => ({ loc: absoluteUrl(config, page.url), alternates: toLinks(alternates(index, page)) }));
  const home = index.home(index.defaultLang) ?? index.languages.map((l) => index.home(l)).find(Boolean);
  if (home) entries.push({ loc: absoluteUrl(config, "/"), alternates: toLinks(alternates(index, home)) });
  return entries.sort((a, b) => a.loc.localeCompare(b.loc));
}
