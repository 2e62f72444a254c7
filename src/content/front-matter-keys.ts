/**
 * Which top-level front matter keys a page may use. Content is data: a key that changes
 * how Eleventy processes a page (computes data, switches template engine, paginates, hides
 * the page) is refused, since it would let a page run code or slip past the check. Any
 * other key the site does not read is most likely a typo: a warning naming it.
 */
import { PROCESSING_KEYS } from "./front-matter-engines.ts";

/** Keys the site reads (templates, checks, the publishing workflow's `lastUpdated`). */
export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  "layout",
  "lang",
  "slug",
  "navId",
  "section",
  "title",
  "summary",
  "permalink",
  "hero",
  "tags",
  "draft",
  "translationOf",
  "lastUpdated",
]);

/** Why each of Eleventy's processing keys (front-matter-engines.ts, which strips them for the build) is refused. */
const REASONS: Readonly<Record<string, string>> = {
  eleventyComputed: "computes page data with template code",
  templateEngineOverride: "switches the page to another template engine, around the content check",
  pagination: "turns the page into many generated pages",
  eleventyExcludeFromCollections: "hides the page from the nav, sitemap and checks; write draft: true to keep a page unpublished",
  dynamicPermalink: "makes the permalink a template",
};

/** Refused keys → why, for every key in {@link PROCESSING_KEYS}. */
export const FORBIDDEN_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  PROCESSING_KEYS.map((key) => [key, REASONS[key] ?? "changes how Eleventy processes the page"]),
);

/** One finding about a key; `key` is the front matter path it concerns. */
export interface KeyProblem {
  key: string;
  severity: "error" | "warning";
  rule: string;
  message: string;
}

/** Refused keys (errors) and unknown keys (warnings) of one page's front matter. */
export function frontMatterKeyProblems(data: Readonly<Record<string, unknown>>): KeyProblem[] {
  const out: KeyProblem[] = [];
  for (const key of Object.keys(data)) {
    const reason = Object.hasOwn(FORBIDDEN_KEYS, key) ? FORBIDDEN_KEYS[key] : undefined;
    if (reason) {
      out.push({ key, severity: "error", rule: "front-matter/forbidden-key", message: `front matter "${key}" is not allowed: it ${reason}` });
    } else if (!KNOWN_KEYS.has(key)) {
      const known = [...KNOWN_KEYS].join(", ");
      out.push({ key, severity: "warning", rule: "front-matter/unknown-key", message: `front matter "${key}" is not a key the site reads, so it has no effect; known keys: ${known}` });
    }
  }
  if (data.permalink === false) {
    const message = 'front matter "permalink: false" is not allowed: it builds the page nowhere while it still runs; write draft: true to keep a page unpublished';
    out.push({ key: "permalink", severity: "error", rule: "front-matter/forbidden-key", message });
  }
  return out;
}
