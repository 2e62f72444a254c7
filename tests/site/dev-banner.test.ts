import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.ts";
import { sizeUnknownMessage } from "../../src/media/size-warnings.ts";
import { devBanner } from "../../src/site/dev-banner.ts";

const d = (file: string, line: number, severity: Diagnostic["severity"], rule: string, message = rule): Diagnostic => ({ file, line, column: 1, severity, rule, message });
const urls = new Map([
  ["content/en/a.md", "/en/a/"],
  ["content/en/b.md", "/en/b/"],
]);

describe("devBanner", () => {
  test("nothing to show: no banner", () => {
    expect(devBanner([], "content/en/a.md", urls)).toBeUndefined();
  });

  test("counts everything; this page's findings first, errors before warnings; the rest apart", () => {
    const all = [
      d("content/en/a.md", 3, "warning", "media/missing-alt"),
      d("content/en/a.md", 9, "error", "links/broken"),
      d("content/en/b.md", 2, "error", "links/anchor"),
      d("content/_data/nav/en.json", 7, "error", "nav/invalid"),
    ];
    // Only a failed block leaves a marker to link to (line 9 here); other findings link to their page.
    const banner = devBanner(all, "content/en/a.md", urls, new Set(["content/en/a.md:9"]))!;
    expect(banner).toMatchObject({ errors: 3, warnings: 1, sizeUnknown: undefined });
    expect(banner.here.map((i) => [i.severity, i.place, i.href])).toEqual([
      ["error", "content/en/a.md:9:1", "/en/a/#dev-diagnostic-9"],
      ["warning", "content/en/a.md:3:1", "/en/a/"],
    ]);
    expect(banner.elsewhere.map((i) => [i.place, i.href])).toEqual([
      ["content/en/b.md:2:1", "/en/b/"],
      ["content/_data/nav/en.json:7:1", undefined],
    ]);
  });

  test("unknown media sizes are one line, counted in the warnings", () => {
    const id = "c2eee3ec1ec36c052a302dc344ff1a69";
    const sizes = [d("content/en/a.md", 4, "warning", "media/size-unknown", sizeUnknownMessage(id)), d("content/en/b.md", 5, "warning", "media/size-unknown", sizeUnknownMessage(id))];
    const banner = devBanner(sizes, "content/en/a.md", urls)!;
    expect(banner.warnings).toBe(2);
    expect(banner.here).toEqual([]);
    expect(banner.elsewhere).toEqual([]);
    expect(banner.sizeUnknown?.count).toBe(2);
    expect(banner.sizeUnknown?.message).toMatch(/^2 Gyazo media in 2 file\(s\) have no recorded size/);
  });
});
