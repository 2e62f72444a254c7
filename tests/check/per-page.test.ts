import { describe, expect, test } from "vitest";
import { perPage } from "../../src/check/rule.ts";
import type { SitePage } from "../../src/check/site-model.ts";

describe("perPage", () => {
  test("computes once per page object, again for a new object", () => {
    let calls = 0;
    const lengthOf = perPage((page) => {
      calls++;
      return page.file.length;
    });
    const a = { file: "content/ja/a.md" } as SitePage;
    expect([lengthOf(a), lengthOf(a)]).toEqual([15, 15]);
    expect(calls).toBe(1);
    // A changed file is parsed into a new page object: its result is computed afresh.
    expect(lengthOf({ ...a, file: "content/ja/ab.md" })).toBe(16);
    expect(calls).toBe(2);
  });
});
