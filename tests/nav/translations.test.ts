import { describe, expect, test } from "vitest";
import { alternates, counterpart, languageLinks } from "../../src/nav/translations.ts";
import { fixtureIndex } from "./site-fixture.ts";

const index = fixtureIndex();
const at = (url: string) => index.pageAt(url)!;

describe("languageLinks", () => {
  test("a translated page links to its counterpart, found by (section, slug)", () => {
    expect(languageLinks(index, at("/ja/guide/a/"))).toEqual([
      { lang: "ja", url: "/ja/guide/a/", status: "current" },
      { lang: "en", url: "/en/guide/a/", status: "translated" },
    ]);
    expect(languageLinks(index, at("/en/guide/a/"))[0]).toEqual({ lang: "ja", url: "/ja/guide/a/", status: "translated" });
  });

  test("a page with no counterpart sends the reader to that language's section index, marked", () => {
    expect(languageLinks(index, at("/ja/guide/d/"))[1]).toEqual({ lang: "en", url: "/en/guide/", status: "untranslated" });
  });

  test("a placeholder is not a counterpart: the switcher goes to the section index", () => {
    expect(languageLinks(index, at("/ja/guide/b/"))[1]).toEqual({ lang: "en", url: "/en/guide/", status: "untranslated" });
  });

  test("on the placeholder, the source language is a real translation", () => {
    expect(languageLinks(index, at("/en/guide/b/"))[0]).toEqual({ lang: "ja", url: "/ja/guide/b/", status: "translated" });
  });

  test("no section index falls back to the home", () => {
    expect(languageLinks(index, at("/ja/about/"))[1]).toEqual({ lang: "en", url: "/en/", status: "untranslated" });
  });

  test("counterpart ignores placeholders", () => {
    expect(counterpart(index, at("/ja/guide/b/"), "en")).toBeUndefined();
    expect(counterpart(index, at("/ja/guide/a/"), "en")?.url).toBe("/en/guide/a/");
  });
});

describe("alternates (hreflang)", () => {
  test("every real translation including itself, then x-default = the default-language page", () => {
    expect(alternates(index, at("/en/guide/a/"))).toEqual([
      { lang: "ja", url: "/ja/guide/a/" },
      { lang: "en", url: "/en/guide/a/" },
      { lang: "x-default", url: "/ja/guide/a/" },
    ]);
  });

  test("an untranslated page lists only itself", () => {
    expect(alternates(index, at("/ja/guide/d/"))).toEqual([
      { lang: "ja", url: "/ja/guide/d/" },
      { lang: "x-default", url: "/ja/guide/d/" },
    ]);
  });

  test("homes use the root chooser as x-default", () => {
    expect(alternates(index, at("/en/")).at(-1)).toEqual({ lang: "x-default", url: "/" });
  });

  test("placeholders are in no cluster", () => {
    expect(alternates(index, at("/en/guide/b/"))).toEqual([]);
  });
});
