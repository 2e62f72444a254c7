/**
 * Publishing: the base path on every URL of every page, the production site-URL check,
 * the headers file, web manifest and per-language Atom feeds, and the page furniture
 * filters (last updated, edit and report links). Logic lives in src/site/; head links
 * reach pages through the page context (src/site/page-head.ts).
 */
import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { ContentError } from "../diagnostics.ts";
import { localeOf } from "../i18n/locale.ts";
import type { SiteIndex } from "../nav/site-index.ts";
import { normalizeBasePath, withBasePath } from "../site/base-path.ts";
import { headersFile } from "../site/headers-file.ts";
import { languageFeed } from "../site/language-feed.ts";
import { lastUpdated, readGitDates, type GitDates } from "../site/last-updated.ts";
import { feedUrl, lastUpdatedView, MANIFEST_URL, repositoryLinks } from "../site/page-furniture.ts";
import { defaultSiteConfig, readSiteConfig, SITE_CONFIG_FILE, siteTitle, type SiteConfig } from "../site/site-config.ts";
import { placeholderUrlError } from "../site/site-url.ts";
import { webManifest } from "../site/web-manifest.ts";
import type { BuildEvent, EleventyConfig } from "./types.ts";

/** Options: the site root and content folder, and `SITE_URL` (the default config passes the environment's). */
export interface PublishingOptions {
  root: string;
  contentDir: string;
  siteUrl?: string;
}

/** Attributes holding site paths that Eleventy's HTML base plugin does not know (it rewrites href, src, srcset…). */
export const SITE_PATH_ATTRIBUTES = ["data-workflow-src"];

interface PosthtmlNode {
  attrs?: Record<string, string | undefined>;
}

/** `SITE_URL` and the path prefix, for every plugin that reads site.json (site-pages.ts too). */
export function readSite(eleventyConfig: EleventyConfig, options: PublishingOptions): SiteConfig {
  const basePath = normalizeBasePath(String(eleventyConfig.pathPrefix ?? "/"));
  return readSiteConfig(options.root, options.contentDir, { url: options.siteUrl, basePath });
}

/**
 * The settings while plugins are added. An invalid site.json is not thrown here: Eleventy
 * would wrap it in a plugin error and print a stack trace. The defaults stand in until
 * `eleventy.before` reads the file again, where the error stops a build (or shows on the
 * dev server's overlay) as one `path:line:col` line; `npm run check` reports it too.
 */
export function initialSite(eleventyConfig: EleventyConfig, options: PublishingOptions): SiteConfig {
  try {
    return readSite(eleventyConfig, options);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return defaultSiteConfig(String(eleventyConfig.pathPrefix ?? "/"));
  }
}

const hidden = { eleventyExcludeFromCollections: true };

export default function publishingPlugin(eleventyConfig: EleventyConfig, options: PublishingOptions): void {
  const basePath = normalizeBasePath(String(eleventyConfig.pathPrefix ?? "/"));
  let config = initialSite(eleventyConfig, options);
  let git: GitDates | undefined;

  eleventyConfig.on("eleventy.before", ({ runMode, outputMode }: BuildEvent) => {
    config = readSite(eleventyConfig, options);
    // Read once per process (two git runs, ~100 ms): dates change with commits, not with the
    // edits a dev-server rebuild follows; restart npm start to see a new commit's dates.
    if (!git) {
      git = readGitDates(options.root, options.contentDir);
      if (git.unavailable === "shallow") {
        console.warn("[publishing] shallow git clone: \"Last updated\" comes from front matter `lastUpdated` only (CI: actions/checkout with fetch-depth: 0)");
      }
    }
    // Only a production build publishes canonical URLs; npm start and toJSON() never need SITE_URL.
    if (runMode === "build" && outputMode === "fs") {
      const file = [options.contentDir, SITE_CONFIG_FILE].filter(Boolean).join("/");
      const problem = placeholderUrlError(config.url, file, options.siteUrl !== undefined);
      if (problem) throw new ContentError([problem]);
    }
  });

  // One mechanism for the base path: Eleventy's path prefix (`--pathprefix=/repo/`), applied
  // by its HTML base plugin to every URL attribute of every page; absolute URLs (canonical,
  // hreflang, Open Graph, JSON-LD, sitemap, feeds) get it from the site URL (site-config.ts).
  eleventyConfig.addPlugin(HtmlBasePlugin as never);
  if (basePath !== "/") {
    eleventyConfig.htmlTransformer.addPosthtmlPlugin("html", () => (tree: { walk(fn: (node: PosthtmlNode) => PosthtmlNode): void }) => {
      tree.walk((node) => {
        for (const name of SITE_PATH_ATTRIBUTES) {
          const value = node.attrs?.[name];
          if (value) node.attrs![name] = withBasePath(basePath, value);
        }
        return node;
      });
      return tree;
    });
  }

  // `{ ja: { url: "/ja/" } }` → `{ ja: { url: "/repo/ja/" } }`: site paths inside a script, which no HTML transform sees.
  eleventyConfig.addFilter("underBasePath", (targets: Record<string, { url: string }>) =>
    Object.fromEntries(Object.entries(targets).map(([key, target]) => [key, { ...target, url: withBasePath(basePath, target.url) }])),
  );
  const gitDate = (inputPath: string | undefined) => (inputPath ? git?.dates.get(sourcePath(options.root, inputPath) ?? "") : undefined);
  eleventyConfig.addFilter("lastUpdatedView", (override: unknown, inputPath: string | undefined, lang: string) =>
    lastUpdatedView(lastUpdated(override, gitDate(inputPath)), lang, localeOf(lang).htmlLang),
  );
  eleventyConfig.addFilter("repositoryLinks", (page: { url: string; inputPath?: string }, lang: string, title: string | undefined) =>
    repositoryLinks(config, { lang, title: title || siteTitle(config, lang), url: page.url, sourcePath: sourcePath(options.root, page.inputPath) }),
  );

  const add = eleventyConfig.addTemplate!.bind(eleventyConfig);
  add("_generated/headers.njk", "{{ locales | headersFile | safe }}", { ...hidden, permalink: "/_headers" });
  eleventyConfig.addFilter("headersFile", (locales: Array<{ code: string }>) => headersFile({ basePath, languages: locales.map((l) => l.code) }));
  add("_generated/manifest.njk", "{{ defaultLang | webManifest | safe }}", { ...hidden, permalink: MANIFEST_URL });
  eleventyConfig.addFilter("webManifest", (lang: string) =>
    webManifest({ name: siteTitle(config, lang), shortName: siteTitle(config, lang), lang: localeOf(lang).htmlLang, basePath, icon: config.favicon, themeColor: config.themeColor }),
  );
  add("_generated/feed.njk", "{{ collections.siteIndex | languageFeed(locale.code, collections.all) | safe }}", {
    ...hidden,
    pagination: { data: "locales", size: 1, alias: "locale" },
    permalink: (data: { locale: { code: string } }) => feedUrl(data.locale.code),
  });
  eleventyConfig.addFilter("languageFeed", (index: SiteIndex, lang: string, items: Array<{ inputPath: string; data: { lastUpdated?: unknown } }>) => {
    const overrides = new Map(items.map((item) => [resolve(item.inputPath), item.data.lastUpdated]));
    return languageFeed(index, lang, config, (page) => lastUpdated(overrides.get(resolve(page.inputPath)), gitDate(page.inputPath)));
  });
}

/** A page's source file relative to the site root, when it is a real file of the site (not a generated page). */
function sourcePath(root: string, inputPath: string | undefined): string | undefined {
  if (!inputPath) return undefined;
  const file = resolve(inputPath);
  const path = relative(root, file);
  if (!path || path.startsWith("..") || isAbsolute(path) || !existsSync(file)) return undefined;
  return path.split("\\").join("/");
}
