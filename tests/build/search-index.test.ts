import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeSearchIndexer, isSearchable, pageUrl, writeSearchIndex } from "../../src/build/search-index.ts";
import { searchSite } from "../helpers/pagefind-search.ts";

const html = (lang: string, body: string, attrs = " data-pagefind-body") =>
  `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><nav>ナビゲーション sidebar</nav>` +
  `<article${attrs}>${body}</article></body></html>`;

const site: Record<string, string> = {
  "ja/basic-workflows/sd15-lora/index.html": html("ja",
    '<h1>LoRA</h1><p>拡張パックのような追加データです。</p><aside class="toc" data-toc><a href="#t">目次</a></aside>' +
    '<h2 id="t">トリガーワード<a class="heading-anchor" href="#t">#</a></h2><p>内部的にはドット絵を描く能力が上乗せされています。</p>' +
    '<section class="workflow-block" data-workflow-src="/workflows/a.json"><p>ダウンロード</p></section>'),
  "en/basic-workflows/sd15-lora/index.html": html("en", "<h1>LoRA</h1><h2 id=\"t\">Trigger words</h2><p>Pixel art needs a trigger word.</p>"),
  "en/basic-workflows/sd15-text2image/index.html": html("en", "<h1>text2image</h1><p>Placeholder: not translated yet, トリガーワード</p>", ""),
  "404.html": html("ja", "<h1>404</h1><p>エラー トリガーワード</p>", ""),
};

let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "search-index-"));
  for (const [path, text] of Object.entries(site)) {
    mkdirSync(join(out, path, ".."), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  await writeSearchIndex(out);
});
afterAll(() => closeSearchIndexer());

describe("writeSearchIndex", () => {
  test("writes one index per <html lang>, with only the marked pages", () => {
    const entry = JSON.parse(readFileSync(join(out, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "ja"]);
    expect(entry.languages.ja.page_count).toBe(1);
    expect(entry.languages.en.page_count).toBe(1);
    expect(existsSync(join(out, "pagefind/pagefind.js"))).toBe(true);
  });

  test.each(["トリガーワード", "ドット絵", "拡張パック"])("the Japanese query %s finds the LoRA page", async (query) => {
    const found = await searchSite(out, "ja", query);
    expect(found.map((f) => f.url)).toEqual(["/ja/basic-workflows/sd15-lora/"]);
    expect(found[0]!.title).toBe("LoRA");
    expect(found[0]!.excerpt).toContain("<mark>");
  });

  test("an English query finds the English page, not the Japanese one", async () => {
    expect((await searchSite(out, "en", "trigger")).map((f) => f.url)).toEqual(["/en/basic-workflows/sd15-lora/"]);
    expect(await searchSite(out, "en", "ドット絵")).toEqual([]);
  });

  test.each(["ナビゲーション", "目次", "ダウンロード", "エラー"])(
    "nav, TOC, workflow blocks, placeholders and 404s are not searchable: %s",
    async (query) => expect(await searchSite(out, "ja", query)).toEqual([]),
  );

  test("untranslated placeholders stay out of the English index", async () => {
    expect(await searchSite(out, "en", "placeholder")).toEqual([]);
  });
});

describe("helpers", () => {
  test.each([
    ['<article data-pagefind-body class="a">', true],
    ["<main data-pagefind-body>", true],
    ['<div data-pagefind-body="">', true],
    ["<p>data-pagefind-body in text</p>", false],
    ["<article data-pagefind-bodyx>", false],
  ])("isSearchable(%s) → %s", (text, expected) => expect(isSearchable(text)).toBe(expected));

  test.each([
    ["ja/a/index.html", "/ja/a/"],
    ["index.html", "/"],
    ["404.html", "/404.html"],
    ["en/x/page.html", "/en/x/page.html"],
  ])("pageUrl(%s) → %s", (path, url) => expect(pageUrl(path)).toBe(url));
});
