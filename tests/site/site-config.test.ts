import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ContentError } from "../../src/diagnostics.ts";
import { absoluteUrl, readSiteConfig } from "../../src/site/site-config.ts";

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
    expect((error as Error).message).toContain('content/_data/site.json:2:1: error: site setting "url" must be an absolute http(s) URL');
  });
});
