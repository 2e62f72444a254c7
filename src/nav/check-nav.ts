/**
 * Nav integrity. A nav id no page has in any language is an error: the sidebar would
 * link nowhere and there is no content to stand in for it. A page in no nav is a
 * warning: it still builds and is listed on its section index, but the sidebar and
 * prev/next cannot reach it — usually a page still being written.
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { JsonPath } from "../util/json-positions.ts";
import { pageItemsOf, parseNav, type ParsedNav } from "./nav-schema.ts";

/** A nav file's text and its path relative to the project root; `parsed` when a caller already parsed it. */
export interface NavSourceText {
  file: string;
  text: string;
  parsed?: ParsedNav;
}

/** What the check needs to know about a content page. */
export interface NavPageInfo {
  /** Path relative to the project root. */
  file: string;
  lang: string;
  /** "" for pages outside a section; such pages and section indexes are not nav entries. */
  section: string;
  slug: string;
  /** What nav items call it (`navIdOf`, src/content/page-identity.ts). */
  navId: string;
}

import { closest } from "../util/edit-distance.ts";

/** Where the nav file of a language lives, for messages about a file that does not exist yet. */
export const navFilePath = (lang: string) => `content/_data/nav/${lang}.json`;

/** Checks every nav file against the pages: `nav/invalid`, `nav/duplicate-id`, `nav/unknown-id`, `nav/orphan-page`. */
export function checkNav(navByLang: ReadonlyMap<string, NavSourceText>, pages: readonly NavPageInfo[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const entries = pages.filter((p) => p.section !== "" && p.slug !== "index");
  const listed = new Set<string>();
  // Nav ids of each section's pages, in any language: one pass, not one per nav item.
  const idsBySection = new Map<string, Set<string>>();
  for (const page of entries) {
    let ids = idsBySection.get(page.section);
    if (!ids) idsBySection.set(page.section, (ids = new Set()));
    ids.add(page.navId);
  }

  // Languages whose nav file cannot be read: its error is the finding, not every page "in no nav".
  const unreadable = new Set<string>();
  for (const [lang, source] of navByLang) {
    const parsed = source.parsed ?? parseNav(source.file, source.text);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.nav) {
      unreadable.add(lang);
      continue;
    }
    const at = (path: JsonPath, severity: Diagnostic["severity"], rule: string, message: string): Diagnostic => ({
      file: source.file,
      ...parsed.positionOf([...path, "id"]),
      severity,
      rule,
      message,
    });
    parsed.nav.sections.forEach((section, s) => {
      const seen = new Set<string>();
      for (const { item, path } of pageItemsOf(section, ["sections", s])) {
        listed.add(`${lang}\0${section.id}\0${item.id}`);
        if (seen.has(item.id)) {
          diagnostics.push(at(path, "error", "nav/duplicate-id", `nav id "${item.id}" appears twice in section "${section.id}"; each page is listed once`));
        }
        seen.add(item.id);
        const known = idsBySection.get(section.id);
        // A nav id no language has is a page not written yet: it is published as "coming
        // soon" (src/nav/site-index.ts). One close to an existing id is more likely a typo.
        const near = known?.has(item.id) ? undefined : closest(item.id, known ?? []);
        if (near) {
          diagnostics.push(
            at(path, "warning", "nav/unknown-id", `nav id "${item.id}" matches no page of section "${section.id}", so it is published as a coming-soon page; did you mean "${near}"?`),
          );
        }
      }
    });
  }

  for (const page of entries) {
    if (unreadable.has(page.lang) || listed.has(`${page.lang}\0${page.section}\0${page.navId}`)) continue;
    const navFile = navByLang.get(page.lang)?.file ?? navFilePath(page.lang);
    diagnostics.push({
      file: page.file,
      line: 1,
      column: 1,
      severity: "warning",
      rule: "nav/orphan-page",
      message: `page is in no nav: add { "id": "${page.navId}" } to section "${page.section}" of ${navFile}`,
    });
  }
  return diagnostics;
}
