/**
 * Binds navigation to Eleventy: the `siteIndex` collection (every page by identity, with
 * placeholders for untranslated nav entries), which layouts read through the page context
 * (src/eleventy/page-context.ts).
 */
import { relative, resolve } from "node:path";
import { localeCodes } from "../i18n/locale.ts";
import { parseNavSources, readNavSources } from "../nav/nav-files.ts";
import { identityOf } from "../content/page-identity.ts";
import { pageRefOf, type PageRef } from "../nav/page-ref.ts";
import { SiteIndex } from "../nav/site-index.ts";
import { isGeneratedHome, isGeneratedSection, systemPages } from "./site-pages.ts";
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
    const index = new SiteIndex({ languages, pages: [...pages, ...systemPages(languages, pages, nav)], nav });
    indexes.set(api, index);
    return index;
  };
  eleventyConfig.addCollection("siteIndex", buildIndex);
  // A separate collection so the placeholder template can paginate over it.
  eleventyConfig.addCollection("placeholderPages", (api) => buildIndex(api).placeholders);
  // And for the generated homes of languages without content/<lang>/index.md.
  eleventyConfig.addCollection("generatedHomes", (api) => buildIndex(api).pages.filter(isGeneratedHome));
  eleventyConfig.addCollection("generatedSections", (api) => buildIndex(api).pages.filter(isGeneratedSection));
}
