import { describe, expect, test } from "vitest";
import { pagesByTag, tagLinks, tagSlug, tagUrl } from "../../src/site/tags.ts";

const page = (lang: string, url: string, title: string, tags?: unknown) => ({ lang, url, title, tags });

describe("tags", () => {
  test("a tag's URL keeps any script and folds case, like heading ids", () => {
    expect(tagSlug("LoRA")).toBe("lora");
    expect(tagSlug("Stable Diffusion 1.5")).toBe("stable-diffusion-15");
    expect(tagUrl("ja", "入門")).toBe("/ja/tags/入門/");
    expect(tagSlug("⚠️")).toBe("tag");
  });

  test("chips: each tag in the order written, in the page's language; no tags, no chips", () => {
    expect(tagLinks(["LoRA", " 入門 ", ""], "ja")).toEqual([
      { label: "LoRA", url: "/ja/tags/lora/" },
      { label: "入門", url: "/ja/tags/入門/" },
    ]);
    expect(tagLinks(undefined, "en")).toEqual([]);
    expect(tagLinks("lora", "en")).toEqual([]);
  });

  test("pagesByTag groups per language and tag (case folded), pages in the given order, groups sorted", () => {
    const a = page("ja", "/ja/s/a/", "A", ["LoRA", "入門"]);
    const b = page("ja", "/ja/s/b/", "B", ["lora"]);
    const c = page("en", "/en/s/a/", "A", ["LoRA"]);
    const d = page("ja", "/ja/s/d/", "D");
    const groups = pagesByTag([a, b, c, d]);
    expect(groups.map((g) => [g.lang, g.label, g.url, g.pages.map((p) => p.url)])).toEqual([
      ["en", "LoRA", "/en/tags/lora/", ["/en/s/a/"]],
      ["ja", "LoRA", "/ja/tags/lora/", ["/ja/s/a/", "/ja/s/b/"]],
      ["ja", "入門", "/ja/tags/入門/", ["/ja/s/a/"]],
    ]);
    // The caller's own records come back, not copies.
    expect(groups[1]!.pages[0]).toBe(a);
  });
});
