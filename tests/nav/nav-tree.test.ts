import { describe, expect, test } from "vitest";
import { breadcrumbs } from "../../src/nav/breadcrumbs.ts";
import { navTree, SMALL_NAV_ITEMS } from "../../src/nav/nav-tree.ts";
import { prevNext, sectionPages } from "../../src/nav/prev-next.ts";
import { SiteIndex } from "../../src/nav/site-index.ts";
import { fixtureIndex, pages, ref } from "./site-fixture.ts";

const index = fixtureIndex();
const at = (url: string) => index.pageAt(url)!;

describe("navTree", () => {
  test("labels come from the page title unless the item has one; the current page is marked", () => {
    const [section] = navTree(index, "ja", "/ja/guide/a/");
    expect(section).toMatchObject({ id: "guide", label: "ガイド", url: "/ja/guide/", current: true, collapsed: false });
    expect(section!.items).toEqual([
      { type: "page", label: "ja:a", url: "/ja/guide/a/", current: true, untranslated: false },
      { type: "page", label: "B（短い名前）", url: "/ja/guide/b/", current: false, untranslated: false },
      { type: "group", label: "詳しく", open: false, items: [{ type: "page", label: "ja:c", url: "/ja/guide/c/", current: false, untranslated: false }] },
      { type: "page", label: "ja:d", url: "/ja/guide/d/", current: false, untranslated: false },
    ]);
  });

  test("a nav label of its own is in the nav's language, even for an untranslated entry", () => {
    const site = new SiteIndex({
      languages: ["ja", "en"],
      pages,
      nav: new Map([["en", { sections: [{ id: "guide", label: "Guide", items: [{ id: "b", label: "B in English" }] }] }]]),
    });
    expect(navTree(site, "en", "/")[0]!.items[0]).toEqual({ type: "page", label: "B in English", url: "/en/guide/b/", current: false, untranslated: true });
  });

  test("a group holding the current page is open", () => {
    const group = navTree(index, "ja", "/ja/guide/c/")[0]!.items[2]!;
    expect(group).toMatchObject({ type: "group", open: true });
  });

  test("an untranslated entry links to its placeholder, marked", () => {
    expect(navTree(index, "en", "/en/")[0]!.items[1]).toEqual({ type: "page", label: "ja:b", url: "/en/guide/b/", current: false, untranslated: true, labelLang: "ja" });
  });

  test("a language without a nav file has an empty tree", () => {
    expect(navTree(index, "fr", "/fr/")).toEqual([]);
  });

  test("a small nav is shown whole on every page, home included", () => {
    expect(navTree(index, "ja", "/ja/").map((s) => [s.id, s.collapsed, s.items.length])).toEqual([["guide", false, 4]]);
  });
});

describe("navTree of a large nav", () => {
  // Three sections of 30 pages each: more than a small nav. "notes" has no index page.
  const perSection = 30;
  const sectionIds = ["models", "nodes", "notes"];
  const big = new SiteIndex({
    languages: ["ja", "en"],
    pages: [
      ref("ja", "", "index"),
      ref("ja", "models", "index"),
      ref("ja", "nodes", "index"),
      ref("ja", "models", "unlisted"),
      ...sectionIds.flatMap((section) => Array.from({ length: perSection }, (_, i) => ref("ja", section, `${section}-${i}`))),
    ],
    nav: new Map([
      ["ja", { sections: sectionIds.map((id) => ({ id, label: id, items: Array.from({ length: perSection }, (_, i) => ({ id: `${id}-${i}` })) })) }],
    ]),
  });
  const shape = (url: string) => navTree(big, "ja", url).map((s) => [s.id, s.current, s.collapsed, s.items.length]);

  test("is larger than a small nav", () => {
    expect(sectionIds.length * perSection).toBeGreaterThan(SMALL_NAV_ITEMS);
  });

  test("lists the current section's pages and only the titles of other sections", () => {
    expect(shape("/ja/nodes/nodes-3/")).toEqual([
      ["models", false, true, 0],
      ["nodes", true, false, perSection],
      ["notes", false, false, perSection],
    ]);
    expect(navTree(big, "ja", "/ja/nodes/nodes-3/")[0]).toMatchObject({ label: "models", url: "/ja/models/" });
  });

  test("a section index and a page missing from the nav still open their section", () => {
    expect(shape("/ja/models/")[0]).toEqual(["models", true, false, perSection]);
    expect(shape("/ja/models/unlisted/")[0]).toEqual(["models", true, false, perSection]);
  });

  test("outside any section, only sections without an index page are listed in full", () => {
    expect(shape("/ja/")).toEqual([
      ["models", false, true, 0],
      ["nodes", false, true, 0],
      ["notes", false, false, perSection],
    ]);
  });
});

describe("prevNext", () => {
  test("follows the nav order within the section, through groups", () => {
    expect(prevNext(index, at("/ja/guide/a/"))).toEqual({ next: { label: "B（短い名前）", url: "/ja/guide/b/", untranslated: false } });
    expect(prevNext(index, at("/ja/guide/c/"))).toEqual({
      prev: { label: "B（短い名前）", url: "/ja/guide/b/", untranslated: false },
      next: { label: "ja:d", url: "/ja/guide/d/", untranslated: false },
    });
    expect(prevNext(index, at("/ja/guide/d/")).next).toBeUndefined();
  });

  test("each language follows its own nav; placeholders take part, marked", () => {
    expect(prevNext(index, at("/en/guide/a/")).next).toEqual({ label: "ja:b", url: "/en/guide/b/", untranslated: true, labelLang: "ja" });
    expect(prevNext(index, at("/en/guide/c/")).prev?.url).toBe("/en/guide/b/");
  });

  test("pages outside any nav section have none", () => {
    expect(prevNext(index, at("/ja/about/"))).toEqual({});
  });
});

describe("sectionPages", () => {
  test("nav order first, then pages the nav does not list", () => {
    const site = fixtureIndex([ref("en", "guide", "zz"), ref("en", "guide", "aa")]);
    expect(sectionPages(site, "en", "guide").map((p) => p.url)).toEqual(["/en/guide/a/", "/en/guide/b/", "/en/guide/c/", "/en/guide/aa/", "/en/guide/zz/"]);
  });
});

describe("breadcrumbs", () => {
  test("home → section → group → page", () => {
    expect(breadcrumbs(index, at("/ja/guide/c/"), "ホーム")).toEqual([
      { label: "ホーム", url: "/ja/" },
      { label: "ガイド", url: "/ja/guide/" },
      { label: "詳しく" },
      { label: "ja:c", url: "/ja/guide/c/", current: true },
    ]);
  });

  test("a section index ends at its section; a home has none", () => {
    expect(breadcrumbs(index, at("/en/guide/"), "Home")).toEqual([
      { label: "Home", url: "/en/" },
      { label: "Guide", url: "/en/guide/", current: true },
    ]);
    expect(breadcrumbs(index, at("/en/"), "Home")).toEqual([]);
  });
});

describe("nav shapes of real guides", () => {
  const shaped = new SiteIndex({
    languages: ["ja", "en"],
    pages: [
      { lang: "en", section: "guide", slug: "index", kind: "section", navId: "index", title: "Guide", url: "/en/guide/", inputPath: "" },
      { lang: "en", section: "guide", slug: "parent", kind: "guide", navId: "parent", title: "Parent", url: "/en/guide/parent/", inputPath: "" },
      { lang: "en", section: "guide", slug: "child", kind: "guide", navId: "child", title: "Child", url: "/en/guide/child/", inputPath: "" },
    ],
    nav: new Map([
      ["en", { sections: [{ id: "guide", label: "Guide", items: [
        { group: "Later", items: [] },
        { id: "parent", items: [{ id: "child" }] },
        { group: "Heading only", items: [{ id: "parent-2" }] },
      ] }] }],
    ]),
  });

  test("a linked page with child pages lists them under its link; the current child is marked", () => {
    const [section] = navTree(shaped, "en", "/en/guide/child/");
    const parent = section!.items.find((n) => n.type === "page" && n.label === "Parent");
    expect(parent).toMatchObject({ type: "page", url: "/en/guide/parent/", items: [{ type: "page", label: "Child", current: true }] });
  });

  test("an empty group is a label with no items; a group of coming-soon pages still lists them", () => {
    const [section] = navTree(shaped, "en", "/en/guide/");
    expect(section!.items[0]).toEqual({ type: "group", label: "Later", items: [], open: false });
    expect(section!.items[2]).toMatchObject({ type: "group", label: "Heading only", items: [{ label: "parent-2", comingSoon: true }] });
  });
});
