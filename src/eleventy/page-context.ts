/**
 * Binds the page context (src/site/page-context.ts) to Eleventy: one `pageContext` filter,
 * which each layout calls first (`{% set context = page | pageContext %}`) and every partial
 * reads from. It is computed once per page and build: a layout chain asks again for the same.
 */
import type { BodyRenderer } from "../markdown/render-body.ts";
import type { SiteIndex } from "../nav/site-index.ts";
import { pageContext, type PageContext, type PageData } from "../site/page-context.ts";
import type { SiteConfig } from "../site/site-config.ts";
import { projectRelativePath } from "../util/url-path.ts";
import { initialSite, readSite, type PublishingOptions } from "./publishing.ts";
import type { EleventyConfig } from "./types.ts";

/** Where the site is (for site.json) and the renderer whose latest renders give each page's TOC. */
export interface PageContextOptions extends PublishingOptions {
  bodies: BodyRenderer;
}

/** The slice of a collection item a placeholder reads of the page it shows. */
interface CollectionItem {
  inputPath: string;
  content?: string;
  data: Record<string, unknown>;
}

/** The data a Nunjucks filter sees as `this.ctx`: the page's data, collections included. */
interface TemplateData extends PageData {
  page: { url: string; inputPath?: string; rawInput?: unknown };
  collections: { siteIndex: SiteIndex; all: CollectionItem[] };
}

export default function pageContextPlugin(eleventyConfig: EleventyConfig, options: PageContextOptions): void {
  let config: SiteConfig = initialSite(eleventyConfig, options);
  eleventyConfig.on("eleventy.before", () => {
    config = readSite(eleventyConfig, options);
  });
  const tocOf = (inputPath: string) => (inputPath ? (options.bodies.latest(projectRelativePath(options.root, inputPath))?.toc ?? []) : []);
  // Each build makes a new index (src/eleventy/nav.ts): contexts are kept per index, by URL.
  const contexts = new WeakMap<SiteIndex, Map<string, PageContext>>();
  const items = new WeakMap<CollectionItem[], Map<string, CollectionItem>>();
  const sourceOf = (all: CollectionItem[]) => (inputPath: string) => {
    let byPath = items.get(all);
    if (!byPath) {
      items.set(all, (byPath = new Map()));
      // The first item of a paginated template, as `find` would give.
      for (const item of all) if (!byPath.has(item.inputPath)) byPath.set(item.inputPath, item);
    }
    return byPath.get(inputPath);
  };
  eleventyConfig.addFilter("pageContext", function (this: { ctx: TemplateData }, page: TemplateData["page"]) {
    const data = this.ctx;
    const index = data.collections.siteIndex;
    let byUrl = contexts.get(index);
    if (!byUrl) contexts.set(index, (byUrl = new Map()));
    let context = byUrl.get(page.url);
    if (!context) {
      const rawInput = typeof page.rawInput === "string" ? page.rawInput : undefined;
      context = pageContext({
        config,
        index,
        page: { url: page.url, ...(page.inputPath ? { inputPath: page.inputPath } : {}), ...(rawInput !== undefined ? { rawInput } : {}) },
        data,
        tocOf,
        sourceOf: sourceOf(data.collections.all),
      });
      byUrl.set(page.url, context);
    }
    return context;
  });
}
