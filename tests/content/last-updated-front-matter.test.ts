import { describe, expect, test } from "vitest";
import { validateFrontMatter } from "../../src/content/front-matter.ts";

const base = { layout: "page.njk", lang: "ja", slug: "a", title: "A", summary: "S", permalink: "/ja/s/a/" };

describe("front matter lastUpdated", () => {
  test.each([new Date("2026-01-31T00:00:00Z"), "2026-01-31", "2026-01-31T10:00:00+09:00", undefined])("accepts %s", (lastUpdated) => {
    expect(validateFrontMatter("a.md", { ...base, lastUpdated }, "lastUpdated: x")).toEqual([]);
  });

  test.each(["yesterday", "31/01/2026", 20260131])("rejects %s at its line", (lastUpdated) => {
    expect(validateFrontMatter("a.md", { ...base, lastUpdated }, "title: A\nlastUpdated: x")).toEqual([
      expect.objectContaining({ rule: "front-matter/invalid", line: 3, message: 'front matter "lastUpdated" must be a date such as 2026-01-31' }),
    ]);
  });
});
