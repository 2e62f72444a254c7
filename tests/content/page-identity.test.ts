import { describe, expect, test } from "vitest";
import { identityOf, placeOf, urlOf } from "../../src/content/page-identity.ts";

const languages = ["ja", "en"];

/** Was tests/check/page-path.test.ts: `placeOf` now carries the one PageIdentity, `urlOf` is `expectedUrl`. */
describe("placeOf", () => {
  test.each([
    ["ja/index.md", { lang: "ja", key: "index", identity: { kind: "home", lang: "ja", section: "", slug: "index" } }, "/ja/"],
    ["en/about.md", { lang: "en", key: "about", identity: { kind: "about", lang: "en", section: "", slug: "about" } }, "/en/about/"],
    ["ja/basic-workflows/index.md", { lang: "ja", key: "basic-workflows/index", identity: { kind: "section", lang: "ja", section: "basic-workflows", slug: "index" } }, "/ja/basic-workflows/"],
    ["en\\basic-workflows\\sd15-lora.md", { lang: "en", key: "basic-workflows/sd15-lora", identity: { kind: "guide", lang: "en", section: "basic-workflows", slug: "sd15-lora" } }, "/en/basic-workflows/sd15-lora/"],
    ["ja/notes.md", { lang: "ja", key: "notes", identity: { kind: "other", lang: "ja", section: "", slug: "notes" } }, undefined],
    ["ja/a/b/c.md", { lang: "ja", key: "a/b/c" }, undefined],
    ["fr/index.md", {}, undefined],
    ["readme.md", {}, undefined],
  ])("%s", (path, place, url) => {
    expect(placeOf(path, languages)).toEqual(place);
    const { identity } = placeOf(path, languages);
    expect(identity && urlOf(identity)).toBe(url);
  });
});

describe("identityOf", () => {
  test.each([
    ["ja/basic-workflows/sd15-lora.md", { lang: "ja", section: "basic-workflows", slug: "sd15-lora", kind: "guide" }],
    ["en\\basic-workflows\\index.md", { lang: "en", section: "basic-workflows", slug: "index", kind: "section" }],
    ["./ja/about.md", { lang: "ja", section: "", slug: "about", kind: "about" }],
    ["ja/index.njk", { lang: "ja", section: "", slug: "index", kind: "home" }],
    ["fr/about.md", undefined],
    ["ja/a/b/c.md", undefined],
    ["index.njk", undefined],
  ])("%s", (path, identity) => expect(identityOf(path, languages)).toEqual(identity));
});
