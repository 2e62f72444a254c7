/**
 * Front matter rules: the schema (src/content/front-matter.ts), then what the schema
 * cannot know: that `lang`, `slug`, `section` and `permalink` agree with where the file is.
 */
import { z } from "zod";
import type { Diagnostic } from "../../diagnostics.ts";
import { pageFrontMatter, validateFrontMatter } from "../../content/front-matter.ts";
import { knownSections } from "../known-sections.ts";
import { expectedUrl } from "../page-path.ts";
import { finding, type Rule } from "../rule.ts";
import type { SiteModel, SitePage } from "../site-model.ts";

/** Front matter of home, about and section index pages (common.md "Content layout"). */
export const sitePageFrontMatter = z.looseObject({
  layout: z.string().min(1),
  lang: z.string().min(1),
  title: z.string().min(1, "must not be empty"),
  summary: z.string().optional(),
  permalink: z.string().startsWith("/", "must start with /"),
});

/** A section index also names its section. */
export const sectionFrontMatter = sitePageFrontMatter.extend({ section: z.string().min(1) });

/** Tags are shown as chips and become Eleventy collections: few, short, distinct. */
export const TAG_MAX_LENGTH = 30;

function schemaProblems(page: SitePage): Diagnostic[] {
  if (!page.source) return [];
  const schema = page.kind === "guide" ? pageFrontMatter : page.kind === "section" ? sectionFrontMatter : sitePageFrontMatter;
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

function placeProblems(page: SitePage, model: SiteModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { data } = page;
  if (page.kind === "guide" && typeof data.slug === "string" && data.slug !== page.slug) {
    const message = `front matter "slug" is "${data.slug}" but the file is ${page.slug}.md; rename one so they match`;
    out.push(finding(page, ["slug"], "error", "front-matter/slug-mismatch", message));
  }
  if (page.kind === "section" && typeof data.section === "string" && data.section !== page.section) {
    const message = `front matter "section" is "${data.section}" but the file is in the "${page.section}" folder`;
    out.push(finding(page, ["section"], "error", "front-matter/section-mismatch", message));
  }
  const sections = page.section && page.lang ? knownSections(model.nav, page.lang) : undefined;
  if (sections && !sections.has(page.section!)) {
    const known = [...sections].join(", ") || "none";
    const message = `section "${page.section}" is not in the ${page.lang} nav (content/_data/nav/${page.lang}.json); known sections: ${known}`;
    out.push(finding(page, page.kind === "section" ? ["section"] : ["permalink"], "error", "front-matter/unknown-section", message));
  }
  const expected = expectedUrl(page);
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

/** `/ja/a/index.html` and `/ja/a/` are the same page. */
export function normaliseUrl(url: string): string {
  return url.replace(/index\.html$/, "");
}

/** Schema, place and tag checks for home, about, section and guide pages; `lang` for any file. */
export const frontMatterRule: Rule = (model) =>
  model.pages
    .filter((page) => page.source)
    .flatMap((page) => [
      ...langProblems(page, model),
      ...(page.kind === "other" ? [] : [...schemaProblems(page), ...placeProblems(page, model), ...tagProblems(page)]),
    ]);
