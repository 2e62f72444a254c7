/**
 * `npm run new -- <section> <slug>`, as a plan: the page in every language (front matter
 * filled, translations stamped against the new source), nav entries, the workflows folder.
 * Nothing is written here; the CLI applies the plan only when it has no conflicts.
 */
import { parseSource } from "../content/source.ts";
import { sourceHash } from "../check/translation-hash.ts";
import { insertNavItem, navItemIds } from "./nav-insert.ts";
import { stampTranslation } from "./stamp-translation.ts";

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** What the site looks like, as far as a new page is concerned. */
export interface NewPageInput {
  contentDir: string;
  section: string;
  slug: string;
  /** Default language first: it is the source the others are stamped against. */
  languages: readonly string[];
  /** Nav file path (relative to root) and text, by language. */
  nav: ReadonlyMap<string, { file: string; text: string }>;
  /** Whether a path relative to root exists. */
  exists: (path: string) => boolean;
}

/** Files to create or rewrite (paths relative to root). */
export interface NewPagePlan {
  writes: Array<{ path: string; text: string; create: boolean }>;
}

/** The front matter and empty body of a new guide page. */
export function pageScaffold(lang: string, section: string, slug: string): string {
  return [
    "---",
    "layout: page.njk",
    `lang: ${lang}`,
    `slug: ${slug}`,
    `navId: ${slug}`,
    `title: "${slug}"`,
    `summary: "${slug}"`,
    `permalink: "/{{ lang }}/${section}/{{ slug }}/"`,
    "---",
    "",
    "",
  ].join("\n");
}

/** The plan, or the reasons it cannot be made (every one of them). */
export function planNewPage(input: NewPageInput): NewPagePlan | { errors: string[] } {
  const { contentDir, section, slug, languages, nav } = input;
  const errors: string[] = [];
  if (!SLUG.test(section)) errors.push(`section "${section}" must be lowercase letters, digits and hyphens`);
  if (!SLUG.test(slug)) errors.push(`slug "${slug}" must be lowercase letters, digits and hyphens`);
  if (errors.length) return { errors };

  const writes: NewPagePlan["writes"] = [];
  const [sourceLang] = languages;
  const sourceText = pageScaffold(sourceLang!, section, slug);
  const source = parseSource("", sourceText);
  for (const lang of languages) {
    const path = `${contentDir}/${lang}/${section}/${slug}.md`;
    if (input.exists(path)) errors.push(`${path} already exists; nothing was written`);
    const page = pageScaffold(lang, section, slug);
    const text = lang === sourceLang ? page : stampTranslation(page, { lang: sourceLang!, hash: sourceHash(source.data, source.body) });
    writes.push({ path, text, create: true });
  }
  for (const lang of languages) {
    const navFile = nav.get(lang);
    if (!navFile) continue;
    try {
      if (navItemIds(navFile.text, section).includes(slug)) errors.push(`${navFile.file} already lists "${slug}" in section "${section}"`);
      writes.push({ path: navFile.file, text: insertNavItem(navFile.text, section, slug), create: false });
    } catch (e) {
      errors.push(`${navFile.file}: ${(e as Error).message}; add the section first`);
    }
  }
  const keep = `workflows/${section}/${slug}/.gitkeep`;
  if (!input.exists(keep)) writes.push({ path: keep, text: "", create: true });
  return errors.length ? { errors } : { writes };
}
