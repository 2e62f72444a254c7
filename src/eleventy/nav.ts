/**
 * Binds navigation to Eleventy: the `siteIndex` collection (every page by identity, with
 * placeholders for untranslated nav entries) and the filters layouts read it through.
 */
import { relative, resolve } from "node:path";
import { localeCodes, localeOf } from "../i18n/locale.ts";
import { t } from "../i18n/t.ts";
import { nestToc, type TocEntry } from "../markdown/heading-anchors.ts";
import { breadcrumbs } from "../nav/breadcrumbs.ts";
import { parseNavSources, readNavSources } from "../nav/nav-files.ts";
import { navTree } from "../nav/nav-tree.ts";
import { identityOf } from "../content/page-identity.ts";
import { pageRefOf, type PageRef } from "../nav/page-ref.ts";
import { prevNext, sectionPages } from "../nav/prev-next.ts";
import { SiteIndex } from "../nav/site-index.ts";
import { alternates, languageLinks } from "../nav/translations.ts";
import { isGeneratedHome, systemPages } from "./site-pages.ts";
import type { EleventyConfig } from "./types.ts";

/** The slice of an Eleventy collection item the index reads. */
interface CollectionItem {
  inputPath: string;
  url: string | false;
  data: Record<string, unknown>;
  content?: string;
}

/** A collection item as a PageRef, when it sits in a language folder and is published. */
function itemRef(item: CollectionItem, inputDir: string, languages: readonly string[]): PageRef | undefined {
  const identity = identityOf(relative(inputDir, resolve(item.inputPath)), languages);
  return identity && typeof item.url === "string" ? pageRefOf(identity, item.data, item.url, item.inputPath) : undefined;
}

export default function navPlugin(eleventyConfig: EleventyConfig, options: { root: string; contentDir: string }): void {
  const inputDir = resolve(options.root, options.contentDir);
  // Eleventy hands every collection of one build the same collection API object (a new one
  // per build): both collections below share one index, and a rebuild makes a fresh one.
  const indexes = new WeakMap<object, SiteIndex>();
  const buildIndex = (api: { getAll(): CollectionItem[] }) => {
    const cached = indexes.get(api);
    if (cached) return cached;
    const languages = localeCodes();
    const pages = api.getAll().flatMap((item) => itemRef(item, inputDir, languages) ?? []);
    const nav = parseNavSources(readNavSources(options.root, options.contentDir, languages));
    const index = new SiteIndex({ languages, pages: [...pages, ...systemPages(languages, pages)], nav });
    indexes.set(api, index);
    return index;
  };
  eleventyConfig.addCollection("siteIndex", buildIndex);
  // A separate collection so the placeholder template can paginate over it.
  eleventyConfig.addCollection("placeholderPages", (api) => buildIndex(api).placeholders);
  // And for the generated homes of languages without content/<lang>/index.md.
  eleventyConfig.addCollection("generatedHomes", (api) => buildIndex(api).pages.filter(isGeneratedHome));

  eleventyConfig.addFilter("pageRef", (index: SiteIndex, url: string) => index.pageAt(url));
  eleventyConfig.addFilter("navTree", (index: SiteIndex, lang: string, url: string) => navTree(index, lang, url));
  eleventyConfig.addFilter("breadcrumbs", (index: SiteIndex, page: PageRef) => breadcrumbs(index, page, t(page.lang, "nav.home")));
  eleventyConfig.addFilter("prevNext", (index: SiteIndex, page: PageRef) => prevNext(index, page));
  eleventyConfig.addFilter("sectionPages", (index: SiteIndex, lang: string, section: string) => sectionPages(index, lang, section));
  eleventyConfig.addFilter("languageLinks", (index: SiteIndex, page: PageRef) =>
    languageLinks(index, page).map((link) => ({ ...link, label: localeOf(link.lang).label, htmlLang: localeOf(link.lang).htmlLang })),
  );
  eleventyConfig.addFilter("alternates", (index: SiteIndex, page: PageRef) =>
    alternates(index, page).map((a) => ({ ...a, hreflang: a.lang === "x-default" ? a.lang : localeOf(a.lang).htmlLang })),
  );
  // Root pages (chooser, root 404) link to each language's home.
  const homes = (index: SiteIndex) =>
    index.languages.flatMap((lang) => {
      const home = index.home(lang);
      const locale = localeOf(lang);
      return home ? [{ lang, url: home.url, status: "translated", label: locale.label, htmlLang: locale.htmlLang }] : [];
    });
  eleventyConfig.addFilter("homes", homes);
  // What the root chooser's script matches navigator.languages against: code → home and BCP 47 tag.
  eleventyConfig.addFilter("redirectTargets", (index: SiteIndex) =>
    Object.fromEntries(homes(index).map((h) => [h.lang, { url: h.url, tag: h.htmlLang.toLowerCase() }])),
  );
  eleventyConfig.addFilter("tocTree", (toc: TocEntry[] | undefined) => nestToc(toc));
  // A placeholder shows another page's rendered body (and TOC): found by its source file.
  const byInputPath = new WeakMap<CollectionItem[], Map<string, CollectionItem>>();
  eleventyConfig.addFilter("sourceItem", (items: CollectionItem[], inputPath: string) => {
    let map = byInputPath.get(items);
    if (!map) {
      byInputPath.set(items, (map = new Map()));
      // The first item of a paginated template, as `find` would give.
      for (const item of items) if (!map.has(item.inputPath)) map.set(item.inputPath, item);
    }
    return map.get(inputPath);
  });
}
