import { describe, expect, test } from "vitest";
import { keyLine, validateFrontMatter } from "../../src/content/front-matter.ts";

describe("keyLine", () => {
  const yaml = ['title: "T"', "hero:", '  "image": x.png', "  'alt': a", "tags:", "  - a"].join("\n");

  test.each([
    [["title"], 2],
    [["hero"], 3],
    [["hero", "image"], 4],
    [["hero", "alt"], 5],
    [["tags", "0"], 6],
    [["missing"], 1],
    [["hero", "missing"], 3],
  ])("%j is on line %i", (path, line) => expect(keyLine(yaml, path)).toBe(line));

  test("a nested key is found below its parent only, deeper than it", () => {
    expect(keyLine("alt: top\nhero:\n  alt: nested", ["hero", "alt"])).toBe(4);
  });

  // Lines of spaces made the earlier regular expression backtrack (6,000 spaces took 28 s,
  // 12,000 took 218 s): a scan of that kind takes far longer than the test timeout here.
  test("lines of 3,000 spaces are read in linear time", () => {
    const spaces = [" ".repeat(3_000), " ".repeat(3_000) + "x", " ".repeat(3_000) + "title  x"].join("\n");
    expect(keyLine(`${spaces}\ntitle: 1`, ["title"])).toBe(5);
    const diagnostics = validateFrontMatter("a.md", { title: 1 }, `${spaces}\ntitle: 1`);
    expect(diagnostics.find((d) => d.message.includes('"title"'))?.line).toBe(5);
  }, 10_000); // milliseconds when linear; the project's 60 s default is for Eleventy builds
});
