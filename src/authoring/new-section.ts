/**
 * `npm run new -- --section <id> --label "…"`, as a plan: the section in each nav file and
 * its index page in every language (translations stamped against the new source).
 * Nothing is written here; the CLI applies the plan only when it has no conflicts.
 */
import { parseSource } from "../content/source.ts";
import { sourceHash } from "../check/translation-hash.ts";
import { insertNavSection, navSectionIds } from "./nav-insert.ts";
import type { NewPageInput, NewPagePlan } from "./new-page.ts";
import { urlOf } from "../content/page-identity.ts";
import { stampTranslation } from "./stamp-translation.ts";

const SECTION_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The front matter of a section's index page, from the section's nav entry. The one
 * definition of what an index page is made of: `npm run new --section` writes it, and a
 * section whose folder has no index page can be given one generated from the same data.
 */
export function sectionIndexData(lang: string, section: { id: string; label: string }): Record<string, string> {
  return { layout: "section.njk", lang, section: section.id, title: section.label, summary: section.label, permalink: urlOf({ lang, section: section.id, slug: "index", kind: "section" })! };
}

/** The index page's file text (front matter only; the section layout lists the pages). */
export function sectionIndexScaffold(lang: string, section: { id: string; label: string }): string {
  const data = sectionIndexData(lang, section);
  return ["---", ...Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`), "---", "", ""].join("\n");
}

/** What a new section needs: the same view of the site as a new page, plus its label. */
export type NewSectionInput = Omit<NewPageInput, "slug"> & { label: string };

/** The plan, or every reason it cannot be made. */
export function planNewSection(input: NewSectionInput): NewPagePlan | { errors: string[] } {
  const { contentDir, section, label, languages, nav } = input;
  if (!SECTION_ID.test(section)) return { errors: [`section "${section}" must be lowercase letters, digits and hyphens`] };
  if (label.trim() === "") return { errors: ["--label must not be empty"] };
  const errors: string[] = [];
  const writes: NewPagePlan["writes"] = [];
  for (const lang of languages) {
    const navFile = nav.get(lang);
    if (!navFile) continue;
    try {
      if (navSectionIds(navFile.text).includes(section)) errors.push(`${navFile.file} already has section "${section}"`);
      writes.push({ path: navFile.file, text: insertNavSection(navFile.text, section, label), create: false });
    } catch (e) {
      errors.push(`${navFile.file}: ${(e as Error).message}`);
    }
  }
  const [sourceLang] = languages;
  const source = parseSource("", sectionIndexScaffold(sourceLang!, { id: section, label }));
  for (const lang of languages) {
    const path = `${contentDir}/${lang}/${section}/index.md`;
    if (input.exists(path)) errors.push(`${path} already exists; nothing was written`);
    const page = sectionIndexScaffold(lang, { id: section, label });
    const text = lang === sourceLang ? page : stampTranslation(page, { lang: sourceLang!, hash: sourceHash(source.data, source.body) });
    writes.push({ path, text, create: true });
  }
  return errors.length ? { errors } : { writes };
}
