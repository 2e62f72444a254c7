import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  closeSearchIndexer, isSearchable, pageUrl, writeSearchIndex, type SearchIndexReport,
} from "../../src/build/search-index.ts";
import { writeSite } from "../helpers/fixture-site.ts";
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

/** Every file under `dir`, site-relative path → bytes, in path order. */
function filesUnder(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const paths = files.map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  return new Map(paths.map((p) => [p, readFileSync(join(dir, p))]));
}

let out: string;
let report: SearchIndexReport;
beforeAll(async () => {
  out = writeSite(site);
  report = await writeSearchIndex(out);
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

  test("reports exactly the marked pages, in path order", () => {
    expect(report.pages).toEqual(["/en/basic-workflows/sd15-lora/", "/ja/basic-workflows/sd15-lora/"]);
  });
});

describe("writeSearchIndex over many pages", () => {
  // Placeholders between the marked pages, in several folders.
  const many: Record<string, string> = {};
  for (let i = 0; i < 24; i++) {
    const lang = i % 2 ? "en" : "ja";
    many[`${lang}/s${i % 5}/p${i}/index.html`] = html(lang, `<h1>Page ${i}</h1><p>${lang === "ja" ? "ノード" : "node"} ${"word".repeat(i)} ${i}</p>`);
    if (i % 4 === 0) many[`${lang}/s${i % 5}/p${i}-soon/index.html`] = html(lang, `<h1>Soon ${i}</h1><p>placeholder</p>`, "");
  }

  test("the same folder gives the same index, byte for byte, and only the marked pages are in it", async () => {
    const dir = writeSite(many);
    const { pages } = await writeSearchIndex(dir);
    const first = filesUnder(join(dir, "pagefind"));
    await writeSearchIndex(dir);
    const second = filesUnder(join(dir, "pagefind"));
    expect(pages).toEqual(Object.keys(many).filter((p) => isSearchable(many[p]!)).sort().map(pageUrl));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, bytes] of first) expect(bytes.equals(second.get(path)!), path).toBe(true);
    const entry = JSON.parse(first.get("pagefind-entry.json")!.toString("utf8"));
    expect(entry.languages.ja.page_count + entry.languages.en.page_count).toBe(pages.length);
    expect(await searchSite(dir, "en", "placeholder")).toEqual([]);
  });

  test("a site where no page is marked gets an empty index, not whole pages", async () => {
    const dir = writeSite({ "ja/a/index.html": html("ja", "<h1>A</h1><p>ノード</p>", ""), "404.html": html("ja", "<h1>404</h1>", "") });
    expect((await writeSearchIndex(dir)).pages).toEqual([]);
    expect(existsSync(join(dir, "pagefind/pagefind.js"))).toBe(true);
    const entry = JSON.parse(readFileSync(join(dir, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.values(entry.languages).map((l) => (l as { page_count: number }).page_count)).toEqual([]);
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
