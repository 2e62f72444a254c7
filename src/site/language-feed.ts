/** A language's feed: its guide pages with a known last change, as Atom. */
import { localeOf } from "../i18n/locale.ts";
import { t } from "../i18n/t.ts";
import { isGuidePage } from "../content/page-identity.ts";
import type { PageRef } from "../nav/page-ref.ts";
import type { SiteIndex } from "../nav/site-index.ts";
import { atomFeed, type FeedEntry } from "./atom-feed.ts";
import { feedUrl } from "./page-furniture.ts";
import { absoluteUrl, siteTitle, type SiteConfig } from "./site-config.ts";

/**
 * Guide pages only (not homes, section indexes, placeholders or 404s); a page whose last
 * change is unknown (`dateOf` gives undefined) is left out rather than dated by the build.
 */
export function languageFeed(index: SiteIndex, lang: string, config: SiteConfig, dateOf: (page: PageRef) => string | undefined): string {
  const entries: FeedEntry[] = [];
  for (const page of index.pages) {
    if (page.lang !== lang || !isGuidePage(page) || page.placeholderOf || page.noindex) continue;
    const updated = dateOf(page);
    if (updated) entries.push({ title: page.title, summary: page.summary, url: absoluteUrl(config, page.url), updated });
  }
  const site = siteTitle(config, lang);
  const home = index.home(lang);
  return atomFeed(
    {
      title: t(lang, "feed.title", { site }),
      lang: localeOf(lang).htmlLang,
      feedUrl: absoluteUrl(config, feedUrl(lang)),
      homeUrl: absoluteUrl(config, home?.url ?? "/"),
      author: site,
    },
    entries,
  );
}
