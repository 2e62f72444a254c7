/**
 * The public site URL of a production build: `SITE_URL` when set, else `url` in site.json,
 * never the documentation placeholder a fresh copy of the project ships with.
 */
import type { Diagnostic } from "../diagnostics.ts";

/** Hosts reserved for documentation (RFC 2606): a site published there is a forgotten placeholder. */
export function isPlaceholderUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return /(^|\.)example$/.test(host) || /^(www\.)?example\.(com|net|org)$/.test(host);
}

/**
 * What stops a production build from publishing with a placeholder URL: the message says
 * both ways out. `fromEnv` tells whether the URL came from `SITE_URL`.
 */
export function placeholderUrlError(url: string, file: string, fromEnv: boolean): Diagnostic | undefined {
  if (!isPlaceholderUrl(url)) return undefined;
  const where = fromEnv ? "SITE_URL" : `"url" in ${file}`;
  return {
    file,
    line: 1,
    column: 1,
    severity: "error",
    rule: "site/placeholder-url",
    message:
      `${where} is the placeholder ${url}: canonical links, the sitemap and feeds would point there. ` +
      `Set SITE_URL=https://your.host (CI: the Pages URL) or put the real URL in ${file}; npm start does not need it`,
  };
}

/**
 * The site URL joined with the base path, no trailing slash (`https://u.github.io/repo`).
 * A URL that already ends in the base path is kept (GitHub's Pages URL does); a URL with
 * another path is an error message, since links and canonical URLs would disagree.
 */
export function siteRootUrl(url: string, basePath: string): string | { error: string } {
  const trimmed = url.replace(/\/+$/, "");
  const path = new URL(trimmed).pathname.replace(/\/+$/, "");
  const base = basePath.replace(/\/+$/, "");
  if (path === base) return trimmed;
  if (path === "") return trimmed + base;
  return {
    error: `has the path ${path}/ but the build's base path is ${basePath}: build with --pathprefix=${path}/, or drop the path from the URL`,
  };
}
