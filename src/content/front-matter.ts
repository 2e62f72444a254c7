/** Front matter schema, checked at the edge: inside the site, page data is trusted. */
import { z } from "zod";
import type { Diagnostic } from "../diagnostics.ts";

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `hero`: an image (a Gyazo URL, a file on the site, an external https image) with its alt
 * text, or no image at all: `null`, `{ image: "" }` and a `{ gradient: … }` backdrop
 * without an image are all ordinary ways authors write "no hero image".
 */
export const heroSchema = z.union([
  z.null(),
  z.looseObject({
    image: z.string().nullish(),
    alt: z.string().nullish(),
    gradient: z.unknown().optional(),
  }),
]);

/** How many tags a page may list: chips stay one line, tag pages stay meaningful. */
export const TAG_LIMIT = 5;

/** Front matter of a guide page (`content/<lang>/<section>/<slug>.md`). */
export const pageFrontMatter = z.looseObject({
  layout: z.string().min(1),
  lang: z.string().regex(LANG, "must be a language code such as ja or en"),
  slug: z.string().regex(SLUG, "must be lowercase letters, digits and hyphens"),
  navId: z.string().min(1).optional(),
  /** The section folder; checked against the file's place when written. */
  section: z.string().min(1).optional(),
  title: z.string().min(1, "must not be empty"),
  // Empty or missing is a warning (front-matter/summary), not a stop: see the rule.
  summary: z.string().nullish(),
  // `false` is refused by the forbidden-key check (front-matter/forbidden-key), not here.
  permalink: z.union([z.string().startsWith("/", "must start with /"), z.literal(false)]),
  hero: heroSchema.optional(),
  tags: z.array(z.string()).max(TAG_LIMIT, `at most ${TAG_LIMIT} tags`).optional(),
  /** A draft is checked but never published (README "Writing a page"). */
  draft: z.boolean().optional(),
  /** Overrides the git commit date shown as "Last updated" (shallow clones, tarballs); YAML reads an unquoted date as a Date. */
  lastUpdated: z.union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })], { message: "must be a date such as 2026-01-31" }).optional(),
});

export type PageFrontMatter = z.infer<typeof pageFrontMatter>;

/**
 * Validates front matter and maps each problem to the line of the key it concerns
 * (or the opening `---` when the key is missing).
 */
export function validateFrontMatter(
  file: string,
  data: unknown,
  frontMatterSource: string,
  schema: z.ZodType = pageFrontMatter,
): Diagnostic[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = issue.path.map(String).join(".");
    const line = keyLine(frontMatterSource, issue.path.map(String));
    const missing = (issue.code === "invalid_type" || issue.code === "invalid_union") && valueAt(data, issue.path) === undefined;
    return {
      file,
      line,
      column: 1,
      severity: "error" as const,
      rule: missing ? "front-matter/required" : "front-matter/invalid",
      message: missing ? `front matter is missing required "${key}"` : `front matter "${key}" ${issue.message}`,
    };
  });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * 1-based line of a (possibly nested) key inside the front matter, counting the opening
 * `---` as line 1. Falls back to the deepest key found, then to line 1.
 */
export function keyLine(frontMatterSource: string, path: readonly string[]): number {
  const lines = frontMatterSource.split(/\r?\n/);
  let line = 1;
  let from = 0;
  let indent = -1;
  for (const key of path) {
    if (/^\d+$/.test(key)) continue;
    const found = lines.findIndex((text, i) => {
      if (i < from) return false;
      const written = keyWritten(text);
      return written !== null && written.indent > indent && written.key === key;
    });
    if (found < 0) break;
    line = found + 2; // +1 for 1-based, +1 for the opening `---`
    from = found + 1;
    indent = keyWritten(lines[found]!)!.indent;
  }
  return line;
}

/**
 * The key a YAML line starts with (`  key:`, `"key":`, `'key':`) and its indent; null for
 * other lines. Read with string scans: a regular expression with `\s*` around a key
 * class that also holds spaces backtracks quadratically on a line of spaces.
 */
function keyWritten(text: string): { indent: number; key: string } | null {
  const rest = text.trimStart();
  const colon = rest.indexOf(":");
  if (colon < 0) return null;
  let key = rest.slice(0, colon).trimEnd();
  const quote = key[0];
  if ((quote === '"' || quote === "'") && key.length > 1 && key.endsWith(quote)) key = key.slice(1, -1);
  if (key === "" || /["':]/.test(key)) return null;
  return { indent: text.length - rest.length, key };
}
