/**
 * The pages every guide site has, generated rather than authored: the root language
 * chooser, a 404 page per language and a root 404.html, a home for a language without
 * one, a placeholder for every untranslated nav entry, sitemap.xml and robots.txt. Their markup lives in _includes/.
 */
import { join, resolve } from "node:path";
import { localeOf } from "../i18n/locale.ts";
import { t } from "../i18n/t.ts";
import { urlOf } from "../content/page-identity.ts";
import { pageRefOf, type PageRef } from "../nav/page-ref.ts";
import type { NavFile } from "../nav/nav-schema.ts";
import type { SiteIndex } from "../nav/site-index.ts";
import { heroImage } from "../site/hero-image.ts";
import { CHOOSER_URL, ROOT_NOT_FOUND_URL } from "../site/page-context.ts";
import { jsonForScript } from "../site/head-meta.ts";
import { absoluteUrl, siteDescription, siteTitle, type SiteConfig } from "../site/site-config.ts";
import { tagLinks } from "../site/tags.ts";
import { initialSite, readSite } from "./publishing.ts";
import { sitemapEntries } from "../site/sitemap.ts";
import { pagesByTag, type TagGroup, type TaggedPage } from "../site/tags.ts";
import type { EleventyConfig } from "./types.ts";

/** Where a language's 404 page is published (static hosts look for `404.html`). */
export const notFoundUrl = (lang: string) => `/${lang}/404.html`;

/** Marks the home a language gets when it has no `content/<lang>/index.md`. */
export const GENERATED_HOME_INPUT = "_generated/home.njk";

/**
 * The generated pages that take part in language switching: one 404 page per language,
 * and a home for each language that has none among `pages`, made from its nav (so the
 * root chooser, the header's home link and hreflang always have a language home).
 */
export function systemPages(languages: readonly string[], pages: readonly PageRef[] = [], nav: ReadonlyMap<string, NavFile> = new Map()): PageRef[] {
  const notFound = languages.map((lang) => ({
    ...pageRefOf({ lang, section: "", slug: "404", kind: "other" }, { title: t(lang, "notFound.title") }, notFoundUrl(lang), ""),
    noindex: true,
  }));
  const homes = languages
    .filter((lang) => !pages.some((p) => p.lang === lang && p.kind === "home"))
    .map((lang) => {
      const identity = { lang, section: "", slug: "index", kind: "home" } as const;
      return pageRefOf(identity, { title: t(lang, "site.title") }, urlOf(identity)!, GENERATED_HOME_INPUT);
    });
  // A nav section without content/<lang>/<section>/index.md: an index listing its pages,
  // so the breadcrumb and the sidebar's section title always lead somewhere.
  const sections = languages.flatMap((lang) =>
    (nav.get(lang)?.sections ?? [])
      .filter((section) => !pages.some((p) => p.lang === lang && p.section === section.id && p.kind === "section"))
      .map((section) => {
        const identity = { lang, section: section.id, slug: "index", kind: "section" } as const;
        return pageRefOf(identity, { title: section.label }, urlOf(identity)!, GENERATED_SECTION_INPUT);
      }),
  );
  return [...notFound, ...homes, ...sections];
}

/** Where generated section index pages come from (a virtual template). */
export const GENERATED_SECTION_INPUT = "_generated/section.njk";

/** True for a section index {@link systemPages} generated. */
export const isGeneratedSection = (page: PageRef) => page.inputPath === GENERATED_SECTION_INPUT;

/** True for a home {@link systemPages} generated. */
export const isGeneratedHome = (page: PageRef) => page.inputPath === GENERATED_HOME_INPUT;

// Virtual templates (Eleventy 3 addTemplate): empty bodies rendered by a layout, kept out
// of collections so they never count as content.
const hidden = { eleventyExcludeFromCollections: true };

/** What Eleventy's collection API gives the tag pages. */
interface CollectionApi {
  getAll(): Array<{ url: string | false; data: Record<string, unknown> }>;
}

/** A content page as a tag index lists it; none for pages without a language or a URL. */
function taggedPage(item: { url: string | false; data: Record<string, unknown> }): Array<TaggedPage & { summary?: string }> {
  const { lang, title, summary, tags } = item.data;
  if (typeof lang !== "string" || typeof item.url !== "string" || typeof title !== "string") return [];
  return [{ lang, url: item.url, title, tags, ...(typeof summary === "string" && summary ? { summary } : {}) }];
}

/** Options: the site root and content folder (for site.json), and this project's root (for assets). */
export interface SitePagesOptions {
  root: string;
  contentDir: string;
  projectRoot: string;
  /** `SITE_URL`, replacing site.json's `url`. */
  siteUrl?: string;
}

export default function sitePagesPlugin(eleventyConfig: EleventyConfig, options: SitePagesOptions): void {
  let config: SiteConfig = initialSite(eleventyConfig, options);
  // Re-read on every build so `--serve` picks up edits; an invalid file stops the build.
  eleventyConfig.on("eleventy.before", () => {
    config = readSite(eleventyConfig, options);
  });
  eleventyConfig.addPassthroughCopy({ [join(options.projectRoot, "src/site/assets")]: "assets" });

  eleventyConfig.addFilter("absoluteUrl", (path: string) => absoluteUrl(config, path));
  eleventyConfig.addFilter("sitemapEntries", (index: SiteIndex) => sitemapEntries(index, config, (code) => localeOf(code).htmlLang));
  eleventyConfig.addFilter("heroImage", (hero: { image?: string; alt?: string } | undefined, inputPath: string | undefined) =>
    heroImage(hero, options.root, inputPath ? resolve(inputPath) : undefined),
  );
  eleventyConfig.addFilter("jsonScript", (value: unknown) => jsonForScript(value));
  // The site's name and description per language: site.json, else the UI strings.
  eleventyConfig.addFilter("siteTitle", (lang: string) => siteTitle(config, lang));
  eleventyConfig.addFilter("siteDescription", (lang: string) => siteDescription(config, lang));
  eleventyConfig.addFilter("tagLinks", (tags: unknown, lang: string) => tagLinks(tags, lang));

  const add = eleventyConfig.addTemplate!.bind(eleventyConfig);
  add("_generated/root.njk", "", { ...hidden, layout: "root.njk", permalink: CHOOSER_URL });
  add("_generated/root-404.njk", "", { ...hidden, layout: "root-404.njk", permalink: ROOT_NOT_FOUND_URL });
  // One page per item of a collection, each at the URL its item names.
  const perItem = <T>(input: string, layout: string, data: string, alias: string, url: (item: T) => string, computed: Record<string, (item: T) => unknown>, extra = {}) =>
    add(input, "", {
      ...hidden,
      ...extra,
      layout,
      pagination: { data, size: 1, alias },
      permalink: (page: Record<string, T>) => url(page[alias]!),
      eleventyComputed: Object.fromEntries(Object.entries(computed).map(([key, of]) => [key, (page: Record<string, T>) => of(page[alias]!)])),
    });
  perItem<{ code: string }>("_generated/not-found.njk", "not-found.njk", "locales", "locale", (locale) => notFoundUrl(locale.code), {
    lang: (locale) => locale.code,
    title: (locale) => t(locale.code, "notFound.title"),
  });
  perItem<PageRef>("_generated/placeholder.njk", "placeholder.njk", "collections.placeholderPages", "placeholder", (page) => page.url, {
    lang: (page) => page.lang,
    title: (page) => page.title,
    summary: (page) => page.summary,
  });
  // A language without content/<lang>/index.md: its home lists the nav's sections and pages.
  perItem<PageRef>(GENERATED_HOME_INPUT, "home.njk", "collections.generatedHomes", "home", (page) => page.url, {
    lang: (page) => page.lang,
    title: (page) => siteTitle(config, page.lang),
    summary: (page) => siteDescription(config, page.lang),
  }, { generatedHome: true });
  perItem<PageRef>(GENERATED_SECTION_INPUT, "section.njk", "collections.generatedSections", "sectionPage", (page) => page.url, {
    lang: (page) => page.lang,
    section: (page) => page.section,
    title: (page) => page.title,
  });
  // One index page per tag and language, listing the pages with that tag (src/site/tags.ts).
  eleventyConfig.addCollection("tagPages", (api: CollectionApi) => pagesByTag(api.getAll().flatMap(taggedPage)));
  perItem<TagGroup>("_generated/tag.njk", "tag.njk", "collections.tagPages", "tag", (tag) => tag.url, {
    lang: (tag) => tag.lang,
    title: (tag) => t(tag.lang, "tags.pageTitle", { tag: tag.label }),
  });
  add("_generated/sitemap.njk", '{% include "site/sitemap.xml.njk" %}', { ...hidden, permalink: "/sitemap.xml" });
  add("_generated/robots.njk", '{% include "site/robots.txt.njk" %}', { ...hidden, permalink: "/robots.txt" });
}
