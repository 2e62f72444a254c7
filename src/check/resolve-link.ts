/** What an internal link points at: a page (and fragment), a workflow file, or nothing. */
import { normaliseUrl } from "../util/url-path.ts";
import type { SiteModel, SitePage } from "./site-model.ts";

/** The outcome of resolving one `href` written on `from`. */
export type LinkTarget =
  | { kind: "external" }
  /** Not checkable without rendering (`{{ … }}` left), a generated page, or an asset outside the check's reach. */
  | { kind: "unchecked" }
  | { kind: "page"; page: SitePage; fragment: string }
  /** `path` decoded, for messages; `href` the URL path as the browser requests it. */
  | { kind: "workflow"; path: string; href: string }
  | { kind: "no-page"; path: string };

const BASE = "https://site.invalid";

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for a path that names a page rather than a file (`/ja/a/`, `/ja/a`, `/ja/a/index.html`). */
function isPagePath(path: string): boolean {
  const last = path.split("/").at(-1)!;
  return last === "" || last === "index.html" || !last.includes(".");
}

/** Resolves `href` as the browser would on `from`'s URL. */
export function resolveLink(href: string, from: SitePage, model: SiteModel): LinkTarget {
  if (/\{\{|\{%/.test(href)) return { kind: "unchecked" };
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(href) || href.startsWith("//")) return { kind: "external" };
  if (href.startsWith("#")) return { kind: "page", page: from, fragment: decode(href.slice(1)) };
  if (!from.url && !href.startsWith("/")) return { kind: "unchecked" };
  const url = new URL(href, BASE + (from.url ?? "/"));
  const path = decode(url.pathname);
  const fragment = decode(url.hash.replace(/^#/, ""));
  if (path.startsWith("/workflows/")) return { kind: "workflow", path: path.slice(1), href: url.pathname };
  // The root language chooser is generated, not authored (src/eleventy/site-pages.ts).
  if (!isPagePath(path) || path === "/") return { kind: "unchecked" };
  const normalised = normaliseUrl(path.endsWith("/") || path.endsWith(".html") ? path : path + "/");
  const page = model.byUrl.get(normalised);
  if (page) return { kind: "page", page, fragment };
  // A language without content/<lang>/index.md gets a home generated from its nav.
  if (model.languages.some((lang) => normalised === `/${lang}/`)) return { kind: "unchecked" };
  // So does a nav section without an index page (src/eleventy/site-pages.ts).
  const [, lang, section, rest] = /^\/([^/]+)\/([^/]+)\/(.*)$/.exec(normalised) ?? [];
  if (lang && section && rest === "" && model.nav.get(lang)?.parsed.nav?.sections.some((s) => s.id === section)) return { kind: "unchecked" };
  return { kind: "no-page", path: normalised };
}

/**
 * The page a dead link most likely meant: the same slug in another section of the same
 * language (pages move between sections), else the closest URL by edit distance.
 */
export function suggestPage(path: string, urls: Iterable<string>): string | undefined {
  const list = [...urls];
  const [, lang, , slug] = /^\/([^/]+)\/([^/]+)\/([^/]+)\/$/.exec(path) ?? [];
  if (lang && slug) {
    const moved = list.find((url) => url !== path && url.startsWith(`/${lang}/`) && url.endsWith(`/${slug}/`) && url.split("/").length === 5);
    if (moved) return moved;
  }
  return closest(path, list);
}

/**
 * The candidate closest to `wanted` by edit distance, for "did you mean" hints: only when
 * the edits are few for the part of `wanted` after what the two share (a section prefix
 * shared by every page of it makes no page similar).
 */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(wanted, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best === undefined) return undefined;
  let shared = 0;
  while (shared < wanted.length && wanted[shared] === best[shared]) shared++;
  return bestDistance <= Math.max(2, (wanted.length - shared) / 3) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
