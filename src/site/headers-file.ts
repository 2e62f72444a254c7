/**
 * `_headers`, read by Cloudflare Pages and Netlify: hashed assets cached for good, HTML and
 * every other unhashed file revalidated, workflow files readable from any origin (ComfyUI
 * running elsewhere fetches them). GitHub Pages ignores the file.
 */
import { withBasePath } from "./base-path.ts";

/** Content-hashed bundles: a changed file gets a new name, so the old one never goes stale. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Everything else: the browser may keep it but asks each time whether it changed. */
export const REVALIDATE = "public, max-age=0, must-revalidate";

/** Folders whose files ComfyUI on another origin fetches. */
export const CROSS_ORIGIN_FOLDERS = ["/workflows/", "/workflow-previews/"];

/** Files at the site root: named one by one, since a splat such as `/*.html` also matches `/ja/404.html`. */
export const ROOT_FILES = ["/", "/index.html", "/404.html", "/sitemap.xml", "/robots.txt", "/manifest.webmanifest"];

/**
 * The file's text (GitHub Pages ignores it and sends its own caching). Rules for one
 * header never overlap: both hosts apply every rule that matches a path, and Cloudflare
 * joins repeated headers with commas, so `Cache-Control` set by `/*` and again by
 * `/assets/js/*` would give a contradictory value. `/*` therefore sets only
 * headers no other rule sets, and each folder is listed with its own caching.
 */
export function headersFile(options: { basePath: string; languages: readonly string[] }): string {
  const at = (path: string) => withBasePath(options.basePath, path);
  const rule = (path: string, headers: Record<string, string>) =>
    `${at(path)}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join("\n")}\n`;
  const rules = [
    rule("/*", { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" }),
    rule("/assets/js/*", { "Cache-Control": IMMUTABLE }),
    rule("/assets/css/*", { "Cache-Control": IMMUTABLE }),
    ...CROSS_ORIGIN_FOLDERS.map((folder) => rule(`${folder}*`, { "Access-Control-Allow-Origin": "*", "Cache-Control": REVALIDATE })),
    // HTML pages: the root chooser and 404, each language's pages (and its feed), the site files.
    ...ROOT_FILES.map((path) => rule(path, { "Cache-Control": REVALIDATE })),
    ...options.languages.map((lang) => rule(`/${lang}/*`, { "Cache-Control": REVALIDATE })),
    // Pagefind's entry files keep their names between builds; its chunks are hashed, but revalidating them costs one 304.
    rule("/pagefind/*", { "Cache-Control": REVALIDATE }),
  ];
  return rules.join("\n");
}
