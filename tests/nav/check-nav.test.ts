import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.ts";
import { checkNav, type NavPageInfo, type NavSourceText } from "../../src/nav/check-nav.ts";

const jaNav = `{
  "sections": [
    {
      "id": "guide",
      "label": "ガイド",
      "items": [
        { "id": "a" },
        { "group": "詳しく", "items": [
          { "id": "ghost" },
          { "id": "bb" }
        ] },
        { "id": "a" }
      ]
    }
  ]
}
`;

const page = (lang: string, slug: string, navId?: string): NavPageInfo => ({
  file: `content/${lang}/guide/${slug}.md`,
  lang,
  section: "guide",
  slug,
  navId: navId ?? slug,
});

const nav = (entries: Record<string, string>) =>
  new Map<string, NavSourceText>(Object.entries(entries).map(([lang, text]) => [lang, { file: `content/_data/nav/${lang}.json`, text }]));

describe("checkNav", () => {
  const found = checkNav(nav({ ja: jaNav }), [page("ja", "a"), page("ja", "b"), page("en", "c-page", "c"), { file: "content/ja/guide/index.md", lang: "ja", section: "guide", slug: "index", navId: "index" }]).map(
    formatDiagnostic,
  );

  test("a nav id with no page in any language is a coming-soon page, not a finding", () => {
    expect(found.filter((d) => d.includes('"ghost"'))).toEqual([]);
  });

  test("a nav id close to an existing one is a likely typo: a warning with the near id", () => {
    expect(found).toContainEqual(
      'content/_data/nav/ja.json:10:13: warning: nav id "bb" matches no page of section "guide", so it is published as a coming-soon page; did you mean "b"? (nav/unknown-id)',
    );
  });

  test("an id listed twice in a section is an error at the second one", () => {
    expect(found).toContainEqual('content/_data/nav/ja.json:12:11: error: nav id "a" appears twice in section "guide"; each page is listed once (nav/duplicate-id)');
  });

  test("a page in no nav of its language is a warning at line 1 of the page", () => {
    expect(found).toContainEqual('content/ja/guide/b.md:1:1: warning: page is in no nav: add { "id": "b" } to section "guide" of content/_data/nav/ja.json (nav/orphan-page)');
    expect(found).toContainEqual('content/en/guide/c-page.md:1:1: warning: page is in no nav: add { "id": "c" } to section "guide" of content/_data/nav/en.json (nav/orphan-page)');
  });

  test("nothing else: listed pages, section indexes and ids found in another language are fine", () => {
    expect(found).toHaveLength(4);
  });

  test("an id whose page exists in another language only is not reported (it gets a placeholder)", () => {
    const en = '{ "sections": [ { "id": "guide", "label": "Guide", "items": [ { "id": "a" } ] } ] }';
    expect(checkNav(nav({ en }), [page("ja", "a")]).filter((d) => d.file.endsWith("en.json"))).toEqual([]);
  });

  test("an invalid nav file is reported and not checked further", () => {
    const broken = checkNav(nav({ ja: '{\n  "sections": [\n    { "id": "guide", "items": [] }\n  ]\n}\n' }), []);
    expect(broken.map(formatDiagnostic)).toEqual(['content/_data/nav/ja.json:3:5: error: nav "sections.0.label" Invalid input: expected string, received undefined (nav/invalid)']);
  });
});
