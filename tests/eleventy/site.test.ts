import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";
import { buildToDir, buildToJson, type BuiltPage } from "../helpers/eleventy.ts";
import { fixtureFiles, fixtureNav, writeSite } from "../helpers/fixture-site.ts";

/** The `<head>` links of a page: hreflang → href. */
function hreflangs(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1]!, m[2]!]));
}

/** The language switcher's links: lang → the whole <a> tag and its text. */
function switcher(html: string): Record<string, string> {
  const nav = /<nav class="lang-switcher"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  return Object.fromEntries([...nav.matchAll(/<a [^>]*data-lang-choice="([^"]+)"[^>]*>[\s\S]*?<\/a>/g)].map((m) => [m[1]!, m[0]]));
}

const byUrl = (pages: BuiltPage[], url: string) => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`no page at ${url}; built: ${pages.map((p) => p.url).join(", ")}`);
  return found.content;
};

describe("the project's seed page and its English counterpart", async () => {
  const pages = await buildToJson();
  const ja = byUrl(pages, "/ja/basic-workflows/sd15-lora/");
  const en = byUrl(pages, "/en/basic-workflows/sd15-lora/");

  test("link to each other in the language switcher", () => {
    expect(switcher(ja).en).toContain('href="/en/basic-workflows/sd15-lora/"');
    expect(switcher(en).ja).toContain('href="/ja/basic-workflows/sd15-lora/"');
    expect(switcher(ja).en).not.toContain("is-untranslated");
  });

  test("and through hreflang alternates, with x-default on the Japanese page", () => {
    const expected = {
      ja: "https://comfyui-guide.example/ja/basic-workflows/sd15-lora/",
      en: "https://comfyui-guide.example/en/basic-workflows/sd15-lora/",
      "x-default": "https://comfyui-guide.example/ja/basic-workflows/sd15-lora/",
    };
    expect(hreflangs(ja)).toEqual(expected);
    expect(hreflangs(en)).toEqual(expected);
  });

  test("has canonical, Open Graph, Twitter and Article JSON-LD in the head", () => {
    expect(ja).toContain('<link rel="canonical" href="https://comfyui-guide.example/ja/basic-workflows/sd15-lora/">');
    expect(ja).toContain('<meta property="og:image" content="https://comfyui-guide.example/assets/og-default.png">');
    expect(ja).toContain('<meta name="twitter:card" content="summary_large_image">');
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(ja)?.[1];
    expect(JSON.parse(jsonLd!)).toMatchObject({ "@type": "Article", headline: "LoRA", inLanguage: "ja" });
  });

  test("sets the theme in <head> before the stylesheet, so the wrong theme never flashes", () => {
    const head = ja.slice(0, ja.indexOf("</head>"));
    const script = /<script>([\s\S]*?)<\/script>/.exec(head)!;
    expect(script.index).toBeLessThan(head.indexOf('<link rel="stylesheet"'));
    const themeFor = (stored: string | null, systemDark: boolean) => {
      const root = { dataset: {} as Record<string, string>, classList: { add: () => {} } };
      runInNewContext(script[1]!, {
        document: { documentElement: root, addEventListener: () => {} },
        localStorage: { getItem: () => stored },
        matchMedia: () => ({ matches: systemDark }),
      });
      return root.dataset.theme;
    };
    expect(themeFor("dark", false)).toBe("dark");
    expect(themeFor("light", true)).toBe("light");
    expect(themeFor(null, true)).toBe("dark");
    expect(themeFor("bogus", false)).toBe("light");
  });

  test("stays small (under 40 KB with the sidebar)", () => {
    expect(Buffer.byteLength(ja)).toBeLessThan(40_000);
  });
});

describe("a fixture site with an untranslated page and a page in no nav", async () => {
  const pages = await buildToJson(writeSite(fixtureFiles()));
  const jaA = byUrl(pages, "/ja/guide/a/");
  const jaD = byUrl(pages, "/ja/guide/d/");
  const placeholder = byUrl(pages, "/en/guide/b/");
  const sitemap = byUrl(pages, "/sitemap.xml");

  test("a page with no counterpart: the switcher goes to the other section index, marked", () => {
    expect(switcher(jaD).en).toMatch(/href="\/en\/guide\/"[^>]*class="is-untranslated"/);
    expect(switcher(jaD).en).toContain('<span class="lang-note">(not translated yet)</span>');
    expect(hreflangs(jaD)).toEqual({ ja: "https://fixture.example/ja/guide/d/", "x-default": "https://fixture.example/ja/guide/d/" });
  });

  test("an untranslated nav entry gets a noindex placeholder with the Japanese content under a notice", () => {
    expect(placeholder).toMatch(/<html lang="en">/);
    expect(placeholder).toContain('<meta name="robots" content="noindex">');
    expect(placeholder).not.toContain('rel="canonical"');
    expect(placeholder).toContain('class="untranslated-notice"');
    expect(placeholder).toContain("has not been translated into English yet");
    expect(placeholder).toMatch(/<div class="article-body" lang="ja">\s*<h2 id="ビーの手順">/);
    expect(placeholder).toContain('<a href="#ビーの手順" lang="ja">ビーの手順</a>');
    expect(placeholder).not.toContain("data-pagefind-body");
    expect(switcher(placeholder).ja).toContain('href="/ja/guide/b/"');
  });

  test("the placeholder is marked in the English sidebar and left out of the sitemap", () => {
    expect(byUrl(pages, "/en/guide/a/")).toContain('<a href="/en/guide/b/"><span lang="ja">ビー</span> <span class="nav-badge">not translated</span></a>');
    expect(sitemap).not.toContain("/en/guide/b/");
  });

  test("the Japanese page of an untranslated entry does not link to the placeholder", () => {
    expect(switcher(byUrl(pages, "/ja/guide/b/")).en).toContain('href="/en/guide/"');
  });

  test("prev/next follow the nav, through groups", () => {
    const prevNext = (html: string) => [...html.matchAll(/<a class="prev-next-link is-(prev|next)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(prevNext(jaA)).toEqual(["next /ja/guide/b/"]);
    expect(prevNext(byUrl(pages, "/ja/guide/c/"))).toEqual(["prev /ja/guide/b/"]);
    expect(prevNext(byUrl(pages, "/en/guide/c/"))).toEqual(["prev /en/guide/b/"]);
  });

  test("the sidebar marks the current page and opens the group holding it", () => {
    const c = byUrl(pages, "/ja/guide/c/");
    expect(c).toContain('<details open><summary>詳しく</summary>');
    expect(c).toContain('<a href="/ja/guide/c/" aria-current="page">シー</a>');
    expect(jaA).toContain("<details><summary>詳しく</summary>");
  });

  test("breadcrumbs come from the nav", () => {
    const crumbs = /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(byUrl(pages, "/ja/guide/c/"))![0];
    expect([...crumbs.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""))).toEqual(["ホーム", "ガイド", "詳しく", "シー"]);
  });

  test("TOC ids for Japanese headings are built at build time, unique, with anchors", () => {
    const toc = /<nav class="toc" data-toc aria-labelledby="toc-title"[\s\S]*?<\/nav>/.exec(jaA)![0];
    expect([...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(["はじめに", "設定詳細", "はじめに-2"]);
    expect(jaA).toContain('<h2 id="はじめに">はじめに<a class="heading-anchor" href="#はじめに" aria-label="「はじめに」へのリンク">#</a></h2>');
    expect(jaA).toContain('<h2 id="はじめに-2">');
    expect(jaA).toContain('<h4 id="小見出し">');
    expect(toc).not.toContain("小見出し");
  });

  test("a page without h2/h3 has no TOC", () => {
    expect(byUrl(pages, "/ja/guide/c/")).not.toContain("data-toc");
  });

  test("the section index lists its pages with summaries, placeholders marked", () => {
    const index = byUrl(pages, "/en/guide/");
    const cards = [...index.matchAll(/<li class="page-card">([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/\s+/g, " ").trim());
    expect(cards).toEqual([
      '<a href="/en/guide/a/">A</a> <p>A summary</p>',
      '<a href="/en/guide/b/" lang="ja">ビー</a> <span class="nav-badge">not translated</span> <p lang="ja">ビー summary</p>',
      '<a href="/en/guide/c/">C</a> <p>C summary</p>',
    ]);
    expect(byUrl(pages, "/ja/guide/")).toContain('<a href="/ja/guide/d/">ディー</a>');
  });

  test("the sitemap has absolute URLs from site.json and xhtml:link alternates", () => {
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const entry = /<url>\s*<loc>https:\/\/fixture\.example\/ja\/guide\/a\/<\/loc>([\s\S]*?)<\/url>/.exec(sitemap)![1]!;
    expect([...entry.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      "ja https://fixture.example/ja/guide/a/",
      "en https://fixture.example/en/guide/a/",
      "x-default https://fixture.example/ja/guide/a/",
    ]);
    expect(sitemap).toContain("<loc>https://fixture.example/</loc>");
    expect(sitemap).not.toContain("404");
  });

  test("robots.txt points at the sitemap", () => {
    expect(byUrl(pages, "/robots.txt")).toContain("Sitemap: https://fixture.example/sitemap.xml");
  });

  test("the root chooser has plain links to each home, hreflang, and a script that follows the reader's language", () => {
    const root = byUrl(pages, "/");
    expect(root).toMatch(/<a href="\/ja\/" hreflang="ja" data-lang-choice="ja">/);
    expect(root).toMatch(/<a href="\/en\/" hreflang="en" data-lang-choice="en">/);
    expect(root).toContain('{"ja":{"url":"/ja/","tag":"ja"},"en":{"url":"/en/","tag":"en"}}');
    expect(root).toContain("navigator.languages");
    expect(root).toContain('localStorage.getItem("lang")');
    expect(hreflangs(root)["x-default"]).toBe("https://fixture.example/");
  });

  test("the root chooser's script follows a remembered choice, then the browser's languages", () => {
    const script = [...byUrl(pages, "/").matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).find((s) => s.includes("navigator.languages"))!;
    const visit = (languages: string[], stored: string | null) => {
      let target: string | undefined;
      runInNewContext(script, {
        localStorage: { getItem: (key: string) => (key === "lang" ? stored : null) },
        navigator: { languages },
        location: { replace: (url: string) => (target = url) },
      });
      return target;
    };
    expect(visit(["en-US", "ja"], null)).toBe("/en/");
    expect(visit(["de-DE", "ja-JP"], null)).toBe("/ja/");
    expect(visit(["de-DE"], null)).toBeUndefined();
    expect(visit(["en-US"], "ja")).toBe("/ja/");
    expect(visit(["en-US"], "xx")).toBe("/en/");
  });

  test("a 404 page per language and a root 404.html, all noindex", () => {
    for (const url of ["/ja/404.html", "/en/404.html", "/404.html"]) expect(byUrl(pages, url)).toContain('<meta name="robots" content="noindex">');
    expect(byUrl(pages, "/en/404.html")).toContain("Page not found");
    expect(switcher(byUrl(pages, "/en/404.html")).ja).toContain('href="/ja/404.html"');
    expect(byUrl(pages, "/404.html")).toContain("ページが見つかりません");
  });

  test("an about page without a counterpart links to the other home", () => {
    expect(switcher(byUrl(pages, "/ja/about/")).en).toMatch(/href="\/en\/"[^>]*class="is-untranslated"/);
  });
});

describe("nav problems in a build", () => {
  test("a nav id no language has is built as a coming-soon page: noindex, badge in the sidebar, not in the sitemap", async () => {
    const nav = { sections: [{ ...fixtureNav.en.sections[0]!, items: [...fixtureNav.en.sections[0]!.items, { id: "ghost", label: "Ghost stories" }] }] };
    const root = writeSite({ ...fixtureFiles(), "content/_data/nav/en.json": JSON.stringify(nav, null, 2) });
    const out = await buildToDir(root, `${root}/_site`);
    const html = readFileSync(`${out}/en/guide/ghost/index.html`, "utf8");
    expect(html).toContain("<h1>Ghost stories</h1>");
    expect(html).toContain('class="coming-soon-notice"');
    expect(html).toMatch(/<meta name="robots" content="noindex/);
    expect(html).not.toContain("data-pagefind-body");
    expect(readFileSync(`${out}/en/guide/a/index.html`, "utf8")).toMatch(/Ghost stories <span class="nav-badge">coming soon<\/span>/);
    expect(readFileSync(`${out}/sitemap.xml`, "utf8")).not.toContain("/en/guide/ghost/");
  });
});

describe("nav shapes in a build", () => {
  test("an empty group is a plain label and a page's child pages sit under its link: no empty <details>", async () => {
    const items = [{ group: "Soon", items: [] }, { id: "a", items: [{ id: "c" }] }, { id: "b" }];
    const nav = { sections: [{ ...fixtureNav.en.sections[0]!, items }] };
    const root = writeSite({ ...fixtureFiles(), "content/_data/nav/en.json": JSON.stringify(nav, null, 2) });
    const out = await buildToDir(root, `${root}/_site`);
    const html = readFileSync(`${out}/en/guide/c/index.html`, "utf8");
    const sidebar = html.slice(html.indexOf('id="site-sidebar"'), html.indexOf("</nav>", html.indexOf('id="site-sidebar"')));
    expect(sidebar).toContain('<span class="nav-group-title">Soon</span>');
    expect(sidebar).not.toMatch(/<details[^>]*><summary>Soon/);
    expect(sidebar).toMatch(/<a href="\/en\/guide\/a\/">A<\/a>\s*<ul>\s*<li><a href="\/en\/guide\/c\/" aria-current="page">C<\/a><\/li>/);
  });
});
