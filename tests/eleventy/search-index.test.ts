import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildToDir } from "../helpers/eleventy.ts";
import { searchSite } from "../helpers/pagefind-search.ts";

// The project itself, built as `npm run build` does: layouts decide what is searchable.
describe("search over the built site", () => {
  let out: string;
  beforeAll(async () => {
    out = await buildToDir();
  });

  test("has one sub-index per site language", () => {
    const entry = JSON.parse(readFileSync(join(out, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "ja"]);
  });

  test.each(["トリガーワード", "ドット絵"])("the Japanese query %s finds the LoRA page first", async (query) => {
    const found = await searchSite(out, "ja", query);
    expect(found[0]?.url).toBe("/ja/basic-workflows/sd15-lora/");
    expect(found[0]?.excerpt).toContain("<mark>");
  });

  test("an English query finds the English LoRA page, and only English pages", async () => {
    const found = await searchSite(out, "en", "trigger word");
    expect(found[0]?.url).toBe("/en/basic-workflows/sd15-lora/");
    expect(found.every((page) => page.url.startsWith("/en/"))).toBe(true);
  });

  // Words of the 404 pages' text ("…削除された…", "The page you are looking for…").
  test.each([["ja", "削除"], ["en", "looking"]] as const)("404 pages are not in the %s index", async (lang, query) => {
    expect(readFileSync(join(out, lang === "ja" ? "404.html" : "en/404.html"), "utf8")).toContain(query);
    // Were the 404 page indexed, it would be among the results: it contains the word.
    const urls = (await searchSite(out, lang, query)).map((page) => page.url);
    expect(urls.filter((url) => url.includes("404"))).toEqual([]);
  });
});
