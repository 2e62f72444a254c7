/**
 * Every URL the site will publish, with the page whose content (and so whose anchors) it
 * shows: each page at its URL, plus the placeholders the nav module builds for nav
 * entries not yet translated (src/nav/site-index.ts), which show another language's page,
 * and the coming-soon pages of nav entries no language has yet.
 */
import type { NavFile } from "../nav/nav-schema.ts";
import type { PageRef } from "../nav/page-ref.ts";
import { SiteIndex } from "../nav/site-index.ts";
import type { SitePage } from "./site-model.ts";
import { normaliseUrl } from "./rules/front-matter.ts";
import { emptyFacts } from "../markdown/facts.ts";

/** A page as the nav module sees it; undefined outside a language folder or unpublished. */
export function pageRefOf(page: SitePage): PageRef | undefined {
  if (!page.lang || page.key === undefined || !page.url || page.kind === "other") return undefined;
  const slug = page.key.split("/").at(-1)!;
  const { navId, title } = page.data;
  return {
    lang: page.lang,
    section: page.section ?? "",
    slug,
    navId: typeof navId === "string" ? navId : slug,
    title: typeof title === "string" ? title : slug,
    url: page.url,
    inputPath: page.file,
  };
}

/** A coming-soon page as links see it: published, with no anchors (it has no content yet). */
function comingSoonPage(ref: PageRef): SitePage {
  const { lang, section, slug, url } = ref;
  return { kind: "guide", lang, section, slug, file: ref.inputPath, bytes: Buffer.alloc(0), data: {}, url, ids: new Set(), facts: emptyFacts(), parseDiagnostics: [] };
}

/** URL → page shown there; the first page wins when two claim one URL (reported elsewhere). */
export function publishedUrls(pages: readonly SitePage[], languages: readonly string[], nav: ReadonlyMap<string, NavFile>): Map<string, SitePage> {
  const byUrl = new Map<string, SitePage>();
  for (const page of pages) if (page.url && !byUrl.has(normaliseUrl(page.url))) byUrl.set(normaliseUrl(page.url), page);
  const index = new SiteIndex({ languages, pages: pages.flatMap((p) => pageRefOf(p) ?? []), nav });
  const byFile = new Map(pages.map((p) => [p.file, p]));
  for (const placeholder of index.placeholders) {
    if (byUrl.has(placeholder.url)) continue;
    const shown = placeholder.comingSoon ? comingSoonPage(placeholder) : byFile.get(placeholder.inputPath);
    if (shown) byUrl.set(placeholder.url, shown);
  }
  return byUrl;
}
