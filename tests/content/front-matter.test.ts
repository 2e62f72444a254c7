import { describe, expect, test } from "vitest";
import { keyLine, validateFrontMatter } from "../../src/content/front-matter.ts";
import { parseYamlData } from "../../src/content/front-matter-engines.ts";

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

describe("parseYamlData, which the check and Eleventy both call on each page's front matter", () => {
  test("gives each caller its own copy of the same data: a change to one never reaches the next", () => {
    const text = 'title: "A"\ntags: [x, y]\nlastUpdated: 2026-01-31\nhero:\n  image: /a.png\n';
    const first = parseYamlData(text);
    expect(first).toEqual({ title: "A", tags: ["x", "y"], lastUpdated: new Date("2026-01-31T00:00:00Z"), hero: { image: "/a.png" } });
    (first.tags as string[]).push("z");
    (first.hero as Record<string, unknown>).image = "/changed.png";
    delete first.title;
    const second = parseYamlData(text);
    expect(second).toEqual({ title: "A", tags: ["x", "y"], lastUpdated: new Date("2026-01-31T00:00:00Z"), hero: { image: "/a.png" } });
    expect(second.lastUpdated).toBeInstanceOf(Date);
  });

  test("a text that is not a mapping is {} every time, and invalid YAML throws every time", () => {
    expect(parseYamlData("- a\n- b\n")).toEqual({});
    expect(parseYamlData("- a\n- b\n")).toEqual({});
    expect(() => parseYamlData("title: a: b\n")).toThrow();
    expect(() => parseYamlData("title: a: b\n")).toThrow();
  });
});
