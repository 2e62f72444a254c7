import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { absoluteUrl, readSiteConfig } from "../../src/site/site-config.ts";
import { isPlaceholderUrl, placeholderUrlError, siteRootUrl } from "../../src/site/site-url.ts";

function siteWith(json: string): string {
  const root = mkdtempSync(join(tmpdir(), "site-url-"));
  mkdirSync(join(root, "content/_data"), { recursive: true });
  writeFileSync(join(root, "content/_data/site.json"), json);
  return root;
}

describe("the placeholder", () => {
  test.each([
    ["https://comfyui-guide.example", true],
    ["https://docs.example", true],
    ["https://example.com/", true],
    ["https://www.example.org", true],
    ["https://user.github.io/repo", false],
    ["https://guide.test", false],
    ["https://myexample.com", false],
  ])("%s is a placeholder: %s", (url, expected) => expect(isPlaceholderUrl(url)).toBe(expected));

  test("the error names the source, the fix, and that npm start does not need it", () => {
    const fromFile = placeholderUrlError("https://comfyui-guide.example", "content/_data/site.json", false)!;
    expect(fromFile).toMatchObject({ file: "content/_data/site.json", severity: "error", rule: "site/placeholder-url" });
    expect(fromFile.message).toMatch(/"url" in content\/_data\/site\.json is the placeholder https:\/\/comfyui-guide\.example.*Set SITE_URL=.*npm start does not need it/);
    expect(placeholderUrlError("https://docs.example", "f", true)!.message).toMatch(/^SITE_URL is the placeholder/);
    expect(placeholderUrlError("https://user.github.io/repo", "f", false)).toBeUndefined();
  });
});

describe("the site URL with a base path", () => {
  test.each([
    ["https://guide.test", "/", "https://guide.test"],
    ["https://guide.test/", "/repo/", "https://guide.test/repo"],
    ["https://user.github.io/repo", "/repo/", "https://user.github.io/repo"],
    ["https://user.github.io/repo/", "/repo/", "https://user.github.io/repo"],
  ])("%s under %s → %s", (url, base, expected) => expect(siteRootUrl(url, base)).toBe(expected));

  test("a URL with another path than the base path is an error", () => {
    expect(siteRootUrl("https://user.github.io/repo", "/")).toEqual({ error: expect.stringContaining("--pathprefix=/repo/") });
    expect(siteRootUrl("https://user.github.io/a", "/b/")).toEqual({ error: expect.stringContaining("base path is /b/") });
  });

  test("readSiteConfig: SITE_URL replaces url, the base path is joined, absolute URLs carry it", () => {
    const root = siteWith('{ "url": "https://comfyui-guide.example" }');
    const config = readSiteConfig(root, "content", { url: "https://user.github.io/repo", basePath: "/repo/" });
    expect(config).toMatchObject({ url: "https://user.github.io/repo", basePath: "/repo/" });
    expect(absoluteUrl(config, "/ja/")).toBe("https://user.github.io/repo/ja/");
    expect(absoluteUrl(readSiteConfig(root, "content", { basePath: "/docs" }), "/sitemap.xml")).toBe("https://comfyui-guide.example/docs/sitemap.xml");
  });

  test("readSiteConfig: an invalid SITE_URL, or one disagreeing with the base path, is a clear error", () => {
    const root = siteWith('{\n  "url": "https://a.test/x"\n}');
    expect(() => readSiteConfig(root, "content", { url: "not a url" })).toThrow(/site\.json:1:1: error: SITE_URL "not a url" must be an absolute http\(s\) URL/);
    expect(() => readSiteConfig(root, "content", { basePath: "/y/" })).toThrow(/site\.json:2:3: error: site setting "url" https:\/\/a\.test\/x has the path \/x\//);
  });
});
