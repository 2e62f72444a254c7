import { describe, expect, test } from "vitest";
import { FORBIDDEN_KEYS, frontMatterKeyProblems } from "../../src/content/front-matter-keys.ts";

describe("front matter keys (content is data)", () => {
  test.each(Object.keys(FORBIDDEN_KEYS))("%s is an error naming the key", (key) => {
    const [problem, ...rest] = frontMatterKeyProblems({ title: "x", [key]: {} });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ key, severity: "error", rule: "front-matter/forbidden-key" });
    expect(problem!.message).toContain(`"${key}" is not allowed`);
  });

  test("permalink: false is refused; a permalink string is not", () => {
    expect(frontMatterKeyProblems({ permalink: false })).toEqual([expect.objectContaining({ key: "permalink", severity: "error", rule: "front-matter/forbidden-key" })]);
    expect(frontMatterKeyProblems({ permalink: "/ja/s/a/" })).toEqual([]);
  });

  test("an unknown key is a warning naming it; the keys the site reads, lastUpdated included, are fine", () => {
    const known = { layout: "", lang: "", slug: "", navId: "", section: "", title: "", summary: "", permalink: "/", hero: null, tags: [], draft: true, translationOf: {}, lastUpdated: "2025-01-01" };
    expect(frontMatterKeyProblems(known)).toEqual([]);
    expect(frontMatterKeyProblems({ ...known, autor: "x" })).toEqual([
      expect.objectContaining({ key: "autor", severity: "warning", rule: "front-matter/unknown-key", message: expect.stringContaining('"autor"') }),
    ]);
  });

  test("keys inherited from Object.prototype are no loophole", () => {
    expect(frontMatterKeyProblems(JSON.parse('{"constructor": 1, "__proto__": 2}'))).toEqual([
      expect.objectContaining({ key: "constructor", severity: "warning" }),
      expect.objectContaining({ key: "__proto__", severity: "warning" }),
    ]);
  });
});
