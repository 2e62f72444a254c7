/** Nav ↔ pages integrity per language, by the nav module's own check (src/nav/check-nav.ts). */
import { checkNav, type NavPageInfo } from "../../nav/check-nav.ts";
import type { Rule } from "../rule.ts";

/** `nav/invalid`, `nav/duplicate-id`, `nav/unknown-id`, `nav/orphan-page`. */
export const navRule: Rule = (model) => {
  const pages: NavPageInfo[] = model.pages.flatMap((page) => {
    // A draft is not published: the nav cannot list it, and it is no orphan.
    if (!page.lang || page.key === undefined || page.kind === "other" || page.data.draft === true) return [];
    const navId = typeof page.data.navId === "string" ? page.data.navId : undefined;
    return [{ file: page.file, lang: page.lang, section: page.section ?? "", slug: page.key.split("/").at(-1)!, ...(navId ? { navId } : {}) }];
  });
  return checkNav(model.nav, pages);
};
