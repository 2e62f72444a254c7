/** Site settings, `content/_data/site.json`: the public URL, the default share image, the site's identity. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ContentError } from "../diagnostics.ts";
import { jsonErrorLine, jsonValueLines } from "../nav/json-lines.ts";
import { identitySchema } from "./site-identity.ts";

/** The settings file, checked at the edge; every field has a default so fixtures may omit it. */
export const siteConfigSchema = z.looseObject({
  /** Where the site is published: sitemap, canonical and Open Graph URLs are absolute to it. */
  url: z
    .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL such as https://example.com" })
    .default("http://localhost:8080")
    .transform((u) => u.replace(/\/+$/, "")),
  /** Share image for pages without a hero: a site path or an absolute URL. */
  ogImage: z.string().min(1).default("/assets/og-default.png"),
  /** Logo or wordmark, accent colour, heading font (src/site/site-identity.ts). */
  identity: identitySchema.default({}),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** The file, relative to the content folder. */
export const SITE_CONFIG_FILE = "_data/site.json";

/** Reads and validates the settings; a missing file means defaults. Throws ContentError when invalid. */
export function readSiteConfig(root: string, contentDir: string): SiteConfig {
  const file = [contentDir, SITE_CONFIG_FILE].filter(Boolean).join("/");
  const path = join(root, file);
  const text = existsSync(path) ? readFileSync(path, "utf8") : "{}";
  const fail = (line: number, message: string) =>
    new ContentError([{ file, line, column: 1, severity: "error", rule: "site/invalid", message }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fail(jsonErrorLine(text, error), `site settings are not valid JSON: ${(error as Error).message}`);
  }
  const result = siteConfigSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.map(String).join("/");
  throw fail(jsonValueLines(text).get(key) ?? 1, `site setting "${key}" ${issue.message}`);
}

/** `path` made absolute against the site URL; absolute URLs pass through. */
export function absoluteUrl(config: SiteConfig, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return config.url + (path.startsWith("/") ? path : `/${path}`);
}
