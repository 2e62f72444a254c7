/**
 * Front matter rules: the schema (src/content/front-matter.ts), then what the schema
 * cannot know: that `lang`, `slug`, `section` and `permalink` agree with where the file is.
 */
import { join } from "node:path";
import { z } from "zod";
import type { Diagnostic } from "../../diagnostics.ts";
import { urlOf, type PageIdentity } from "../../content/page-identity.ts";
import { frontMatterKeyProblems } from "../../content/front-matter-keys.ts";
import { heroSchema, pageFrontMatter, TAG_LIMIT, validateFrontMatter } from "../../content/front-matter.ts";
import { resolveHero } from "../../site/hero-image.ts";
import { normaliseUrl } from "../../util/url-path.ts";
import { knownSections } from "../known-sections.ts";
import { finding, perPage, type Rule } from "../rule.ts";
import type { SiteModel, SitePage } from "../site-model.ts";

/** Front matter of home, about and section index pages (common.md "Content layout"). */
export const sitePageFrontMatter = z.looseObject({
  layout: z.string().min(1),
  lang: z.string().min(1),
  title: z.string().min(1, "must not be empty"),
  summary: z.string().nullish(),
  // `false` is refused by the forbidden-key check (front-matter/forbidden-key), not here.
  permalink: z.union([z.string().startsWith("/", "must start with /"), z.literal(false)]),
  hero: heroSchema.optional(),
  tags: z.array(z.string()).max(TAG_LIMIT, `at most ${TAG_LIMIT} tags`).optional(),
  draft: z.boolean().optional(),
});

/** A section index also names its section. */
export const sectionFrontMatter = sitePageFrontMatter.extend({ section: z.string().min(1) });

/** Tags are shown as chips and become Eleventy collections: few, short, distinct. */
export const TAG_MAX_LENGTH = 30;

function schemaProblems(page: SitePage): Diagnostic[] {
  if (!page.source) return [];
  const kind = page.identity?.kind;
  const schema = kind === "guide" ? pageFrontMatter : kind === "section" ? sectionFrontMatter : sitePageFrontMatter;
  return validateFrontMatter(page.file, page.data, page.source.frontMatter, schema);
}

function langProblems(page: SitePage, model: SiteModel): Diagnostic[] {
  const { lang } = page.data;
  if (typeof lang !== "string") return [];
  if (!model.languages.includes(lang)) {
    const message = `front matter "lang" is "${lang}", which is not a declared locale (${model.languages.join(", ")}; src/i18n/locales.ts)`;
    return [finding(page, ["lang"], "error", "front-matter/unknown-lang", message)];
  }
  if (page.lang && lang !== page.lang) {
    const message = `front matter "lang" is "${lang}" but the file is in the "${page.lang}" folder; use lang: ${page.lang}`;
    return [finding(page, ["lang"], "error", "front-matter/lang-mismatch", message)];
  }
  return [];
}

function placeProblems(page: SitePage, id: PageIdentity, model: SiteModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { data } = page;
  if (id.kind === "guide" && typeof data.slug === "string" && data.slug !== id.slug) {
    const message = `front matter "slug" is "${data.slug}" but the file is ${id.slug}.md; rename one so they match`;
    out.push(finding(page, ["slug"], "error", "front-matter/slug-mismatch", message));
  }
  if (id.section && typeof data.section === "string" && data.section !== id.section) {
    const message = `front matter "section" is "${data.section}" but the file is in the "${id.section}" folder; use section: ${id.section}`;
    out.push(finding(page, ["section"], "error", "front-matter/section-mismatch", message));
  }
  const sections = id.section ? knownSections(model.nav, id.lang) : undefined;
  if (sections && !sections.has(id.section)) {
    const known = [...sections].join(", ") || "none";
    const message = `section "${id.section}" is not in the ${id.lang} nav (content/_data/nav/${id.lang}.json); known sections: ${known}`;
    out.push(finding(page, id.kind === "section" ? ["section"] : ["permalink"], "error", "front-matter/unknown-section", message));
  }
  const expected = urlOf(id);
  if (expected && page.permalink !== undefined && normaliseUrl(page.permalink) !== expected) {
    const message = `permalink "${page.permalink}" does not match the file's place; expected "${expected}"`;
    out.push(finding(page, ["permalink"], "error", "front-matter/permalink", message));
  }
  return out;
}

function tagProblems(page: SitePage): Diagnostic[] {
  const tags = page.data.tags;
  if (!Array.isArray(tags)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    if (typeof tag !== "string") continue;
    if (tag.trim() === "" || tag.length > TAG_MAX_LENGTH) {
      const message = `tag "${tag}" must be 1 to ${TAG_MAX_LENGTH} characters`;
      out.push(finding(page, ["tags"], "error", "front-matter/tags", message));
    }
    if (seen.has(tag.toLowerCase())) out.push(finding(page, ["tags"], "error", "front-matter/tags", `tag "${tag}" is listed twice`));
    seen.add(tag.toLowerCase());
  }
  return out;
}

/** Refused Eleventy keys (errors) and keys the site does not read (warnings), at their line. */
function keyProblems(page: SitePage): Diagnostic[] {
  return frontMatterKeyProblems(page.data).map((p) => finding(page, [p.key], p.severity, p.rule, p.message));
}

/** A guide page without a summary still builds; its description is then its first paragraph. */
function summaryProblems(page: SitePage): Diagnostic[] {
  const { summary } = page.data;
  if (page.identity?.kind !== "guide" || (typeof summary === "string" && summary.trim() !== "")) return [];
  if (summary !== undefined && summary !== null && typeof summary !== "string") return []; // a wrong type: front-matter/invalid
  const message = 'front matter "summary" is empty: section lists show no summary and the page description falls back to its first paragraph; write one sentence on what the page teaches';
  return [finding(page, summary === undefined ? [] : ["summary"], "warning", "front-matter/summary", message)];
}

/** The hero image exactly as the layout resolves it: unsafe or malformed URLs, unknown sizes. */
function heroProblems(page: SitePage, root: string): Diagnostic[] {
  const parsed = heroSchema.safeParse(page.data.hero);
  if (!parsed.success) return [];
  const { problems } = resolveHero(parsed.data, root, join(root, page.file));
  return problems.map((p) => finding(page, ["hero", "image"], p.severity, p.rule, p.message));
}

// What depends on the page alone (and the files its hero names) is checked once per version of it.
const ownKeyProblems = perPage(keyProblems);
const ownSchemaProblems = perPage(schemaProblems);
const ownTagAndSummaryProblems = perPage((page: SitePage) => [...tagProblems(page), ...summaryProblems(page)]);
const ownHeroProblems = perPage((page: SitePage, root: string) => heroProblems(page, root));

/** Schema, place, tag, summary and hero checks for home, about, section and guide pages; `lang` and keys for any file. */
export const frontMatterRule: Rule = (model) =>
  model.pages
    .filter((page) => page.source)
    .flatMap((page) => [
      ...langProblems(page, model),
      ...ownKeyProblems(page),
      ...(!page.identity || page.identity.kind === "other"
        ? []
        : [...ownSchemaProblems(page), ...placeProblems(page, page.identity, model), ...ownTagAndSummaryProblems(page), ...ownHeroProblems(page, model.root)]),
    ]);
