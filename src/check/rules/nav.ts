/** Nav ↔ pages integrity per language, by the nav module's own check (src/nav/check-nav.ts). */
import { checkNav, type NavPageInfo } from "../../nav/check-nav.ts";
import { navIdOf } from "../../content/page-identity.ts";
import type { Rule } from "../rule.ts";

/** `nav/invalid`, `nav/duplicate-id`, `nav/unknown-id`, `nav/orphan-page`. */
export const navRule: Rule = (model) => {
  const pages: NavPageInfo[] = model.pages.flatMap((page) => {
    // A draft is not published: the nav cannot list it, and it is no orphan.
    const id = page.identity;
    if (!id || id.kind === "other" || page.data.draft === true) return [];
    return [{ file: page.file, lang: id.lang, section: id.section, slug: id.slug, navId: navIdOf(id, page.data) }];
  });
  return checkNav(model.nav, pages);
};
