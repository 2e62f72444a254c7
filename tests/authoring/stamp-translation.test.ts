import { describe, expect, test } from "vitest";
import { stampTranslation } from "../../src/authoring/stamp-translation.ts";
import { parseSource } from "../../src/content/source.ts";
import { sourceHash } from "../../src/check/translation-hash.ts";

const page = '---\nlayout: page.njk\nlang: en\ntitle: "T"\n---\n\nBody\n';
const stamp = { lang: "ja", hash: "123456789012" };

describe("stampTranslation", () => {
  test("adds the block at the end of the front matter, hash quoted (all digits would be a YAML number)", () => {
    const out = stampTranslation(page, stamp);
    expect(out).toBe('---\nlayout: page.njk\nlang: en\ntitle: "T"\ntranslationOf:\n  lang: ja\n  hash: "123456789012"\n---\n\nBody\n');
    expect(parseSource("x.md", out).data.translationOf).toEqual({ lang: "ja", hash: "123456789012" });
  });

  test("replaces an existing block in place, keeping the keys after it", () => {
    const old = '---\nlang: en\ntranslationOf:\n  lang: ja\n  hash: "aaaaaaaaaaaa"\ntitle: "T"\n---\nBody\n';
    expect(stampTranslation(old, stamp)).toBe('---\nlang: en\ntranslationOf:\n  lang: ja\n  hash: "123456789012"\ntitle: "T"\n---\nBody\n');
  });

  test("keeps CRLF line endings", () => {
    const out = stampTranslation(page.replace(/\n/g, "\r\n"), stamp);
    expect(out).toContain('translationOf:\r\n  lang: ja\r\n  hash: "123456789012"\r\n---\r\n');
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
  });

  test("a file without front matter is refused", () => {
    expect(() => stampTranslation("Body\n", stamp)).toThrow(/no front matter/);
  });
});

describe("sourceHash", () => {
  const data = { title: "T", summary: "S" };
  test("12 hex digits that change with the title, summary or body", () => {
    const hash = sourceHash(data, "Body\n");
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceHash({ ...data, title: "T2" }, "Body\n")).not.toBe(hash);
    expect(sourceHash({ ...data, summary: "S2" }, "Body\n")).not.toBe(hash);
    expect(sourceHash(data, "Body!\n")).not.toBe(hash);
  });

  test("line endings and trailing blank lines do not count", () => {
    expect(sourceHash(data, "A\r\nB\r\n\r\n")).toBe(sourceHash(data, "A\nB\n"));
  });
});
