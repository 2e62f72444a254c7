import { describe, expect, test } from "vitest";
import { expectedUrl, placeOf } from "../../src/check/page-path.ts";

const languages = ["ja", "en"];

describe("placeOf", () => {
  test.each([
    ["ja/index.md", { kind: "home", lang: "ja", key: "index" }, "/ja/"],
    ["en/about.md", { kind: "about", lang: "en", key: "about" }, "/en/about/"],
    ["ja/basic-workflows/index.md", { kind: "section", lang: "ja", section: "basic-workflows", key: "basic-workflows/index" }, "/ja/basic-workflows/"],
    ["en\\basic-workflows\\sd15-lora.md", { kind: "guide", lang: "en", section: "basic-workflows", slug: "sd15-lora", key: "basic-workflows/sd15-lora" }, "/en/basic-workflows/sd15-lora/"],
    ["ja/notes.md", { kind: "other", lang: "ja", key: "notes" }, undefined],
    ["ja/a/b/c.md", { kind: "other", lang: "ja", key: "a/b/c" }, undefined],
    ["fr/index.md", { kind: "other" }, undefined],
    ["readme.md", { kind: "other" }, undefined],
  ])("%s", (path, place, url) => {
    expect(placeOf(path, languages)).toEqual(place);
    expect(expectedUrl(placeOf(path, languages))).toBe(url);
  });
});
