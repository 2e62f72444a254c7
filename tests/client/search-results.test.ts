import { describe, expect, test } from "vitest";
import { excerptSegments, toHit } from "../../src/client/search-results.ts";

describe("excerptSegments", () => {
  test("marks become flagged runs of plain text", () => {
    expect(excerptSegments("LoRA. <mark>トリガーワード</mark>. LoRA を")).toEqual([
      { text: "LoRA. ", mark: false },
      { text: "トリガーワード", mark: true },
      { text: ". LoRA を", mark: false },
    ]);
  });

  test("adjacent marks of one segmented word merge (ドット + 絵)", () => {
    expect(excerptSegments("内部的には<mark>ドット</mark><mark>絵</mark>を")).toEqual([
      { text: "内部的には", mark: false },
      { text: "ドット絵", mark: true },
      { text: "を", mark: false },
    ]);
  });

  test("escaped markup is decoded to text, and stray tags never survive", () => {
    const segments = excerptSegments('a &lt;<mark>b</mark>&gt; & c <img src=x onerror="x()">d');
    expect(segments.map((s) => s.text).join("")).toBe("a <b> & c d");
    expect(segments.some((s) => s.text.includes("onerror"))).toBe(false);
  });

  test("an empty excerpt has no segments", () => {
    expect(excerptSegments("")).toEqual([]);
  });
});

describe("toHit", () => {
  const data = {
    url: "/ja/basic-workflows/sd15-lora/",
    excerpt: "<mark>LoRA</mark> とは",
    meta: { title: "LoRA" },
    sub_results: [
      { url: "/ja/basic-workflows/sd15-lora/", title: "LoRA", excerpt: "" },
      { url: "/ja/basic-workflows/sd15-lora/#trigger", title: " トリガーワード ", excerpt: "" },
      { url: "/ja/basic-workflows/sd15-lora/#a", title: "A", excerpt: "" },
      { url: "/ja/basic-workflows/sd15-lora/#b", title: "B", excerpt: "" },
      { url: "/ja/basic-workflows/sd15-lora/#c", title: "C", excerpt: "" },
    ],
  };

  test("keeps the page link and title, and sections other than the page itself", () => {
    const hit = toHit(data);
    expect(hit.url).toBe("/ja/basic-workflows/sd15-lora/");
    expect(hit.title).toBe("LoRA");
    expect(hit.excerpt[0]).toEqual({ text: "LoRA", mark: true });
    expect(hit.sections).toEqual([
      { url: "/ja/basic-workflows/sd15-lora/#trigger", title: "トリガーワード" },
      { url: "/ja/basic-workflows/sd15-lora/#a", title: "A" },
      { url: "/ja/basic-workflows/sd15-lora/#b", title: "B" },
    ]);
  });

  test("a page without a title shows its URL; missing sub-results are fine", () => {
    expect(toHit({ url: "/en/x/", excerpt: "", meta: {} })).toEqual({ url: "/en/x/", title: "/en/x/", excerpt: [], sections: [] });
  });
});
