/** The page context (src/site/page-context.ts): what every layout shows, from the index and the page's data. */
import { describe, expect, test, vi } from "vitest";
import { pageContext, type PageContextInput } from "../../src/site/page-context.ts";
import { SiteIndex } from "../../src/nav/site-index.ts";
import { siteConfigSchema } from "../../src/site/site-config.ts";
import { fixtureIndex, ref } from "../nav/site-fixture.ts";

const config = siteConfigSchema.parse({ url: "https://guide.test" });
const index = fixtureIndex([ref("en", "", "404", { url: "/en/404.html", noindex: true, title: "Page not found" })]);

/** The context of the page at `url`, with `data` as its front matter. */
function at(url: string, data: PageContextInput["data"] = {}, more: Partial<PageContextInput> = {}) {
  return pageContext({ config, index, page: { url, inputPath: index.pageAt(url)?.inputPath }, data, tocOf: () => [], sourceOf: () => undefined, ...more });
}

describe("a guide page", () => {
  const c = at("/ja/guide/c/", { lang: "ja", title: "シー", summary: "シーの概要" });

  test("is found in the index, with its home", () => {
    expect(c.here?.url).toBe("/ja/guide/c/");
    expect(c.home).toEqual({ url: "/ja/" });
    expect(c.about).toEqual({ url: "/ja/about/" });
  });

  test("has a trail through its section and nav group", () => {
    expect(c.breadcrumbs.map((crumb) => crumb.label)).toEqual(["ホーム", "ガイド", "詳しく", "ja:c"]);
  });

  test("lists its neighbours in nav order, each once, with the words that announce them", () => {
    expect(c.prevNext).toEqual([
      { rel: "prev", direction: "前へ", label: "B（短い名前）", url: "/ja/guide/b/", untranslated: false },
      { rel: "next", direction: "次へ", label: "ja:d", url: "/ja/guide/d/", untranslated: false },
    ]);
  });

  test("switches to its translation, naming each language", () => {
    expect(c.alternates.map((l) => [l.lang, l.status, l.url, l.label, l.shortLabel])).toEqual([
      ["ja", "current", "/ja/guide/c/", "日本語", "日本語"],
      ["en", "translated", "/en/guide/c/", "English", "EN"],
    ]);
  });

  test("has an article head: title, absolute hreflang cluster, locales, JSON-LD", () => {
    expect(c.head).toMatchObject({
      title: "シー | ComfyUI ガイド",
      description: "シーの概要",
      noindex: false,
      canonical: "https://guide.test/ja/guide/c/",
      ogType: "article",
      shareTitle: "シー",
      ogLocale: "ja_JP",
      ogLocaleAlternates: ["en_US"],
    });
    expect(c.head.alternates).toEqual([
      { hreflang: "ja", url: "https://guide.test/ja/guide/c/" },
      { hreflang: "en", url: "https://guide.test/en/guide/c/" },
      { hreflang: "x-default", url: "https://guide.test/ja/guide/c/" },
    ]);
    expect(JSON.parse(c.head.jsonLd!)).toMatchObject({ "@type": "Article", headline: "シー", inLanguage: "ja", url: "https://guide.test/ja/guide/c/" });
  });

  test("nests the TOC of its own render", () => {
    const tocOf = vi.fn(() => [
      { level: 2 as const, id: "a", text: "A" },
      { level: 3 as const, id: "b", text: "B" },
    ]);
    const withToc = at("/ja/guide/c/", { lang: "ja" }, { tocOf });
    expect(tocOf).toHaveBeenCalledWith("./content/ja/guide/c.md");
    expect(withToc.toc).toEqual([{ level: 2, id: "a", text: "A", children: [{ level: 3, id: "b", text: "B" }] }]);
  });
});

describe("a placeholder", () => {
  const placeholder = index.pageAt("/en/guide/b/")!;
  const tocOf = vi.fn(() => [{ level: 2 as const, id: "x", text: "X" }]);
  const sourceOf = vi.fn(() => ({ content: "<p>ビー</p>", data: { hero: { image: "/img/b.png" } } }));
  const c = at("/en/guide/b/", { lang: "en", title: "ja:b", placeholder }, { tocOf, sourceOf, page: { url: "/en/guide/b/", inputPath: "_generated/placeholder.njk" } });

  test("shows the source page's body, hero and TOC in the source language", () => {
    expect(sourceOf).toHaveBeenCalledWith(placeholder.inputPath);
    expect(tocOf).toHaveBeenCalledWith(placeholder.inputPath);
    expect(c.placeholder).toEqual({ comingSoon: false, title: "ja:b", source: { code: "ja", label: "日本語", htmlLang: "ja", url: "/ja/guide/b/" }, html: "<p>ビー</p>" });
    expect(c.article).toMatchObject({ hero: { image: "/img/b.png" }, contentLang: "ja" });
    expect(c.toc.map((e) => e.id)).toEqual(["x"]);
  });

  test("is noindex and in no language cluster", () => {
    expect(c.head).toMatchObject({ noindex: true, alternates: [], ogLocaleAlternates: [], ogType: "website" });
    expect(c.head.jsonLd).toBeUndefined();
  });
});

describe("a coming-soon page", () => {
  const soon = new SiteIndex({
    languages: ["ja", "en"],
    pages: [ref("en", "", "index")],
    nav: new Map([["en", { sections: [{ id: "guide", label: "Guide", items: [{ id: "later", label: "Later" }] }] }]]),
  });
  const placeholder = soon.pageAt("/en/guide/later/")!;
  const c = pageContext({ config, index: soon, page: { url: placeholder.url }, data: { lang: "en", title: "Later", placeholder }, tocOf: () => [], sourceOf: () => undefined });

  test("is a noindex notice under its nav label, not an article", () => {
    expect(c.placeholder).toEqual({ comingSoon: true, title: "Later" });
    expect(c.head).toMatchObject({ noindex: true, ogType: "website" });
    expect(c.head.jsonLd).toBeUndefined();
  });
});

describe("index pages", () => {
  test("a section index lists its section's pages in nav order", () => {
    expect(at("/ja/guide/", { lang: "ja" }).listing.map((p) => p.url)).toEqual(["/ja/guide/a/", "/ja/guide/b/", "/ja/guide/c/", "/ja/guide/d/"]);
  });

  test("a home shows each nav section; a generated home also lists the section's pages", () => {
    expect(at("/en/", { lang: "en" }).overview).toEqual([{ label: "Guide", url: "/en/guide/", pages: [] }]);
    const generated = at("/en/", { lang: "en", generatedHome: true }).overview[0]!;
    expect(generated.pages.map((p) => p.url)).toEqual(["/en/guide/a/", "/en/guide/b/", "/en/guide/c/"]);
  });

  test("a home's title is the site's, and its x-default is the root chooser", () => {
    const home = at("/ja/", { lang: "ja", title: "ホーム" });
    expect(home.head.title).toBe("ComfyUI ガイド");
    expect(home.head.alternates.at(-1)).toEqual({ hreflang: "x-default", url: "https://guide.test/" });
    expect(home.breadcrumbs).toEqual([]);
  });

  test("a language's 404 page links to that language's home", () => {
    const notFound = at("/en/404.html", { lang: "en", title: "Page not found" });
    expect(notFound.home).toEqual({ url: "/en/" });
    expect(notFound.head.noindex).toBe(true);
  });
});

describe("the root pages", () => {
  test("the chooser's head names every home and is their x-default; it switches to each home", () => {
    const root = at("/", {});
    expect(root.here).toBeUndefined();
    expect(root.lang).toBe("ja");
    expect(root.head).toMatchObject({ title: "ComfyUI ガイド / ComfyUI Guide", noindex: false, canonical: "https://guide.test/", ogType: "website" });
    expect(root.head.alternates.map((a) => a.hreflang)).toEqual(["ja", "en", "x-default"]);
    expect(root.alternates.map((h) => h.url)).toEqual(["/ja/", "/en/"]);
    expect(root.redirectTargets).toEqual({ ja: { url: "/ja/", tag: "ja" }, en: { url: "/en/", tag: "en" } });
  });

  test("the root 404 is noindex at its own URL, titled in every language", () => {
    const notFound = at("/404.html", {});
    expect(notFound.head).toMatchObject({ title: "ページが見つかりません / Page not found", noindex: true, canonical: "https://guide.test/404.html", alternates: [] });
  });
});
