/** The base path the site is published under (`/` or `/repo/`), from Eleventy's path prefix. */

/** `repo`, `/repo`, `/repo/` → `/repo/`; empty or `/` → `/`. */
export function normalizeBasePath(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** A site path (`/ja/`) under the base path (`/repo/ja/`); absolute URLs, `#…`, `?…` and relative paths are left alone. */
export function withBasePath(basePath: string, url: string): string {
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  return basePath === "/" ? url : basePath + url.slice(1);
}
