import { describe, expect, test } from "vitest";
import { normalizeBasePath, withBasePath } from "../../src/site/base-path.ts";

describe("normalizeBasePath", () => {
  test.each([
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["repo", "/repo/"],
    ["/repo", "/repo/"],
    ["/repo/", "/repo/"],
    ["//a/b//", "/a/b/"],
  ])("%j → %s", (input, expected) => expect(normalizeBasePath(input)).toBe(expected));
});

describe("withBasePath", () => {
  test.each([
    ["/repo/", "/ja/", "/repo/ja/"],
    ["/repo/", "/", "/repo/"],
    ["/", "/ja/", "/ja/"],
    ["/repo/", "https://gyazo.com/x", "https://gyazo.com/x"],
    ["/repo/", "//cdn.example/x", "//cdn.example/x"],
    ["/repo/", "#top", "#top"],
    ["/repo/", "relative/x", "relative/x"],
  ])("under %s, %s → %s", (base, url, expected) => expect(withBasePath(base, url)).toBe(expected));
});
