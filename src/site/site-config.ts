/** Site settings, `content/_data/site.json`: the public URL, the default share image, the repository, the icon, the site's identity. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ContentError } from "../diagnostics.ts";
import { t } from "../i18n/t.ts";
import { parseJson, type TextPosition } from "../util/json-positions.ts";
import { identitySchema } from "./site-identity.ts";
import { normalizeBasePath } from "./base-path.ts";
import { siteRootUrl } from "./site-url.ts";

const httpUrl = () => z.url({ protocol: /^https?$/, message: "must be an absolute http(s) URL such as https://example.com" });

const perLanguage = z.union([z.string().min(1), z.record(z.string(), z.string().min(1, "must not be empty"))]);

/** The settings file, checked at the edge; every field has a default so fixtures may omit it. */
export const siteConfigSchema = z.looseObject({
  /** Where the site is published: sitemap, canonical and Open Graph URLs are absolute to it. */
  url: httpUrl()
    .default("http://localhost:8080")
    .transform((u) => u.replace(/\/+$/, "")),
  /** Share image for pages without a hero: a site path or an absolute URL. */
  ogImage: z.string().min(1).default("/assets/og-default.png"),
  /** Logo or wordmark, accent colour, heading font (src/site/site-identity.ts). */
  identity: identitySchema.default({}),
  /** Where the sources live: "Edit this page" and "Report a problem" links; none when absent. */
  repository: z
    .object({
      /** The repository's web address on GitHub, e.g. https://github.com/owner/repo. */
      url: httpUrl().transform((u) => u.replace(/\/+$/, "")),
      branch: z.string().min(1).default("main"),
      /** The folder of this project inside the repository, when it is not the root. */
      dir: z.string().default("").transform((d) => d.replace(/^\/+|\/+$/g, "")),
    })
    .optional(),
  /** The site icon (browser tab, web manifest): a site path, e.g. a file under content/. */
  favicon: z.string().startsWith("/", "must be a site path such as /img/icon.png").default("/assets/favicon.svg"),
  /** The colour browsers tint their UI with (web manifest and `theme-color`). */
  themeColor: z.string().regex(/^#[0-9a-fA-F]{3,8}$/, "must be a hex colour such as #1f6feb").default("#1f6feb"),
  /** The site's name, per language (`{ "ja": "…", "en": "…" }`) or one for all; else the UI string `site.title`. */
  title: perLanguage.optional(),
  /** The site's one-line description, the same way; else the UI string `site.description`. */
  description: perLanguage.optional(),
});

/**
 * The settings as the build uses them. `url` is the site's root with its base path and no
 * trailing slash (`https://u.github.io/repo`), so `url + page.url` is a page's public URL.
 */
export type SiteConfig = z.infer<typeof siteConfigSchema> & {
  /** Eleventy's path prefix, normalized: `/` or `/repo/`. */
  basePath?: string;
};

/** What the build knows beyond the file: `SITE_URL` and Eleventy's path prefix. */
export interface SiteOverrides {
  url?: string;
  basePath?: string;
}

/** The file, relative to the content folder. */
export const SITE_CONFIG_FILE = "_data/site.json";

/**
 * Reads and validates the settings; a missing file means defaults. `SITE_URL` (given as
 * `overrides.url`) replaces `url`; the base path is joined to it. Throws ContentError when invalid.
 */
export function readSiteConfig(root: string, contentDir: string, overrides: SiteOverrides = {}): SiteConfig {
  const file = [contentDir, SITE_CONFIG_FILE].filter(Boolean).join("/");
  const path = join(root, file);
  const text = existsSync(path) ? readFileSync(path, "utf8") : "{}";
  const fail = (place: TextPosition, message: string) =>
    new ContentError([{ file, ...place, severity: "error", rule: "site/invalid", message }]);
  // SITE_URL comes from the environment, not the file: its problems have no place in it.
  const nowhere: TextPosition = { line: 1, column: 1 };
  const parsed = parseJson(text);
  if (!parsed.ok) throw fail(parsed.error, `site settings are not valid JSON: ${parsed.error.message}`);
  const result = siteConfigSchema.safeParse(parsed.document.value);
  if (result.success) {
    const basePath = normalizeBasePath(overrides.basePath);
    let url = result.data.url;
    if (overrides.url !== undefined) {
      const fromEnv = httpUrl().safeParse(overrides.url.trim());
      if (!fromEnv.success) throw fail(nowhere, `SITE_URL "${overrides.url}" must be an absolute http(s) URL such as https://example.com`);
      url = fromEnv.data;
    }
    const rooted = siteRootUrl(url, basePath);
    if (typeof rooted !== "string") {
      const key = overrides.url !== undefined ? "SITE_URL" : `site setting "url"`;
      throw fail(overrides.url !== undefined ? nowhere : parsed.document.positionOf(["url"]), `${key} ${url} ${rooted.error}`);
    }
    return { ...result.data, url: rooted, basePath };
  }
  const issue = result.error.issues[0]!;
  const keys = issue.path.filter((key): key is string | number => typeof key !== "symbol");
  throw fail(parsed.document.positionOf(keys), `site setting "${keys.join("/")}" ${issue.message}`);
}

/**
 * The settings every field's default gives, under `basePath`: what the plugins start with
 * when site.json is invalid at configuration time (src/eleventy/publishing.ts `initialSite`).
 */
export function defaultSiteConfig(basePath?: string): SiteConfig {
  const defaults = siteConfigSchema.parse({});
  const normalized = normalizeBasePath(basePath);
  const rooted = siteRootUrl(defaults.url, normalized);
  return { ...defaults, url: typeof rooted === "string" ? rooted : defaults.url, basePath: normalized };
}

/** `path` (a site path such as `/ja/`) made absolute against the site URL and base path; absolute URLs pass through. */
export function absoluteUrl(config: SiteConfig, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return config.url + (path.startsWith("/") ? path : `/${path}`);
}

function inLanguage(value: SiteConfig["title"], lang: string): string | undefined {
  return typeof value === "string" ? value : value?.[lang];
}

/** The site's title in `lang`: `title` of site.json (per language or shared), else the UI string table's. */
export function siteTitle(config: SiteConfig, lang: string): string {
  return inLanguage(config.title, lang) ?? t(lang, "site.title");
}

/** The site's description in `lang`, the same way. */
export function siteDescription(config: SiteConfig, lang: string): string {
  return inLanguage(config.description, lang) ?? t(lang, "site.description");
}
