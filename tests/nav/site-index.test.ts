import { describe, expect, test } from "vitest";
import { SiteIndex } from "../../src/nav/site-index.ts";
import { fixtureIndex, ref } from "./site-fixture.ts";

describe("SiteIndex", () => {
  const index = fixtureIndex();

  test("finds pages by identity, nav id and URL", () => {
    expect(index.page("en", "guide", "a")?.url).toBe("/en/guide/a/");
    expect(index.pageByNavId("ja", "guide", "c")?.title).toBe("ja:c");
    expect(index.pageAt("/ja/about/")?.slug).toBe("about");
    expect(index.home("en")?.url).toBe("/en/");
    expect(index.sectionIndex("ja", "guide")?.url).toBe("/ja/guide/");
  });

  test("an en nav entry with no en page gets a placeholder showing the ja page", () => {
    expect(index.placeholders).toEqual([
      expect.objectContaining({ lang: "en", section: "guide", slug: "b", url: "/en/guide/b/", title: "ja:b", placeholderOf: { lang: "ja", url: "/ja/guide/b/" } }),
    ]);
    expect(index.pageByNavId("en", "guide", "b")?.placeholderOf?.lang).toBe("ja");
  });

  test("a page in no nav of a language gets no placeholder there", () => {
    expect(index.page("en", "guide", "d")).toBeUndefined();
  });

  test("the source of a placeholder is found by navId, even when its slug differs", () => {
    const site = new SiteIndex({
      languages: ["ja", "en"],
      pages: [ref("ja", "guide", "long-slug", { navId: "x" })],
      nav: new Map([["en", { sections: [{ id: "guide", label: "Guide", items: [{ id: "x" }] }] }]]),
    });
    expect(site.placeholders.map((p) => [p.url, p.navId])).toEqual([["/en/guide/long-slug/", "x"]]);
  });

  test("a nav id no language has is a coming-soon page titled by its nav label", () => {
    const site = new SiteIndex({
      languages: ["ja", "en"],
      pages: [],
      nav: new Map([["en", { sections: [{ id: "guide", label: "Guide", items: [{ id: "ghost", label: "Ghost stories" }, { id: "later" }] }] }]]),
    });
    expect(site.placeholders.map((p) => [p.url, p.title, p.comingSoon, p.noindex])).toEqual([
      ["/en/guide/ghost/", "Ghost stories", true, true],
      ["/en/guide/later/", "later", true, true],
    ]);
    expect(site.pageByNavId("en", "guide", "ghost")?.comingSoon).toBe(true);
  });

  test("the default language is the first", () => {
    expect(index.defaultLang).toBe("ja");
  });
});
