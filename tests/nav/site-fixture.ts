/** A small two-language site as plain data, for the pure nav tests. */
import { kindOf } from "../../src/content/page-identity.ts";
import type { NavFile } from "../../src/nav/nav-schema.ts";
import type { PageRef } from "../../src/nav/page-ref.ts";
import { SiteIndex } from "../../src/nav/site-index.ts";

/** A page record at its conventional URL. */
export function ref(lang: string, section: string, slug: string, extra: Partial<PageRef> = {}): PageRef {
  const path = [lang, section, slug === "index" ? "" : slug].filter(Boolean).join("/");
  return {
    lang,
    section,
    slug,
    kind: kindOf(section, slug),
    navId: slug,
    title: `${lang}:${slug}`,
    url: `/${path}/`,
    inputPath: `./content/${[lang, section, slug].filter(Boolean).join("/")}.md`,
    ...extra,
  };
}

/**
 * ja has a, b, a group holding c, and d; en has a and c only, and its nav lists a, b, c
 * (b is untranslated: it gets a placeholder) but not d.
 */
export const jaNav: NavFile = {
  sections: [
    { id: "guide", label: "ガイド", items: [{ id: "a" }, { id: "b", label: "B（短い名前）" }, { group: "詳しく", items: [{ id: "c" }] }, { id: "d" }] },
  ],
};
export const enNav: NavFile = {
  sections: [{ id: "guide", label: "Guide", items: [{ id: "a" }, { id: "b" }, { id: "c" }] }],
};

export const pages: PageRef[] = [
  ref("ja", "", "index"),
  ref("en", "", "index"),
  ref("ja", "", "about"),
  ref("ja", "guide", "index"),
  ref("en", "guide", "index"),
  ref("ja", "guide", "a", { summary: "A の概要" }),
  ref("ja", "guide", "b", { summary: "B の概要" }),
  ref("ja", "guide", "c"),
  ref("ja", "guide", "d"),
  ref("en", "guide", "a"),
  ref("en", "guide", "c"),
];

/** The index of the site above. */
export function fixtureIndex(extraPages: PageRef[] = []): SiteIndex {
  return new SiteIndex({
    languages: ["ja", "en"],
    pages: [...pages, ...extraPages],
    nav: new Map([
      ["ja", jaNav],
      ["en", enNav],
    ]),
  });
}
