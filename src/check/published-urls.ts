/**
 * Every URL the site will publish, with the page whose content (and so whose anchors) it
 * shows: each page at its URL, plus the placeholders the nav module builds for nav
 * entries not yet translated (src/nav/site-index.ts), which show another language's page,
 * and the coming-soon pages of nav entries no language has yet.
 */
import { identityKey } from "../content/page-identity.ts";
import { emptyFacts } from "../markdown/facts.ts";
import type { NavFile } from "../nav/nav-schema.ts";
import { pageRefOf, type PageRef } from "../nav/page-ref.ts";
import { SiteIndex } from "../nav/site-index.ts";
import { normaliseUrl } from "../util/url-path.ts";
import type { SitePage } from "./site-model.ts";

/** A coming-soon page as links see it: published, with no anchors (it has no content yet). */
function comingSoonPage(ref: PageRef): SitePage {
  const { lang, section, slug, kind, url } = ref;
  const identity = { lang, section, slug, kind };
  return { lang, key: identityKey(identity), identity, file: ref.inputPath, bytes: Buffer.alloc(0), data: {}, url, ids: new Set(), facts: emptyFacts(), parseDiagnostics: [] };
}

/** URL → page shown there; the first page wins when two claim one URL (reported elsewhere). */
export function publishedUrls(pages: readonly SitePage[], languages: readonly string[], nav: ReadonlyMap<string, NavFile>): Map<string, SitePage> {
  const byUrl = new Map<string, SitePage>();
  for (const page of pages) if (page.url && !byUrl.has(normaliseUrl(page.url))) byUrl.set(normaliseUrl(page.url), page);
  // The same page records the build indexes (src/eleventy/nav.ts), so both find the same placeholders.
  const refs = pages.flatMap((p) => (p.identity && p.identity.kind !== "other" && p.url ? [pageRefOf(p.identity, p.data, p.url, p.file)] : []));
  const index = new SiteIndex({ languages, pages: refs, nav });
  const byFile = new Map(pages.map((p) => [p.file, p]));
  for (const placeholder of index.placeholders) {
    if (byUrl.has(placeholder.url)) continue;
    const shown = placeholder.comingSoon ? comingSoonPage(placeholder) : byFile.get(placeholder.inputPath);
    if (shown) byUrl.set(placeholder.url, shown);
  }
  return byUrl;
}
