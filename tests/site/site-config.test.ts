import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ContentError } from "../../src/diagnostics.ts";
import { absoluteUrl, readSiteConfig, siteDescription, siteTitle } from "../../src/site/site-config.ts";

function siteWith(json?: string): string {
  const root = mkdtempSync(join(tmpdir(), "site-config-"));
  mkdirSync(join(root, "content/_data"), { recursive: true });
  if (json !== undefined) writeFileSync(join(root, "content/_data/site.json"), json);
  return root;
}

describe("readSiteConfig", () => {
  test("reads the URL (trailing slash dropped) and the default share image", () => {
    const config = readSiteConfig(siteWith('{ "url": "https://guide.example/", "ogImage": "/og.png" }'), "content");
    expect(config).toMatchObject({ url: "https://guide.example", ogImage: "/og.png" });
    expect(absoluteUrl(config, "/ja/")).toBe("https://guide.example/ja/");
    expect(absoluteUrl(config, "https://other.example/x")).toBe("https://other.example/x");
  });

  test("a missing file means defaults", () => {
    expect(readSiteConfig(siteWith(), "content")).toMatchObject({ url: "http://localhost:8080", ogImage: "/assets/og-default.png" });
  });

  test("an invalid URL is an error at its line", () => {
    let error: unknown;
    try {
      readSiteConfig(siteWith('{\n  "url": "guide.example"\n}'), "content");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toContain('content/_data/site.json:2:3: error: site setting "url" must be an absolute http(s) URL');
  });

  test("a syntax error is reported at its line and column", () => {
    expect(() => readSiteConfig(siteWith('{\n  "url": "https://guide.example",\n  // staging\n}'), "content")).toThrow(
      "content/_data/site.json:3:3: error: site settings are not valid JSON: comments are not allowed in JSON",
    );
  });
});

describe("site title and description (issue #16: from site.json, not the UI strings)", () => {
  test("per language, falling back to the string table for a language site.json does not name", () => {
    const config = readSiteConfig(siteWith('{ "title": { "ja": "ComfyUI 日本語ガイド", "en": "The ComfyUI Guide" }, "description": { "ja": "説明" } }'), "content");
    expect(siteTitle(config, "ja")).toBe("ComfyUI 日本語ガイド");
    expect(siteTitle(config, "en")).toBe("The ComfyUI Guide");
    expect(siteDescription(config, "ja")).toBe("説明");
    expect(siteDescription(config, "en")).toBe("A guide to ComfyUI, in Japanese and English.");
  });

  test("one title for every language, or none at all", () => {
    expect(siteTitle(readSiteConfig(siteWith('{ "title": "Guide" }'), "content"), "en")).toBe("Guide");
    expect(siteTitle(readSiteConfig(siteWith("{}"), "content"), "ja")).toBe("ComfyUI ガイド");
  });

  test("an empty title is an error at its line and column", () => {
    expect(() => readSiteConfig(siteWith('{\n  "title": { "ja": "" }\n}'), "content")).toThrow(/site\.json:2:14: error: site setting "title\/ja"/);
  });
});
