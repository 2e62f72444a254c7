import { describe, expect, test } from "vitest";
import { moduleOf, summarizeProfile, type CpuProfile } from "../../bench/cpu-profile.ts";

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

// (root) → build (project) → parse (markdown-it) ; build → build (recursion) → render (nunjucks)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)", ""), children: [2] },
    { id: 2, callFrame: frame("build", "file:///p/src/build.ts", 9), children: [3, 4] },
    { id: 3, callFrame: frame("parse", "file:///p/node_modules/markdown-it/lib/index.mjs", 41) },
    { id: 4, callFrame: frame("build", "file:///p/src/build.ts", 9), children: [5] },
    { id: 5, callFrame: frame("render", "file:///p/node_modules/@scope/nunjucks/x.js") },
  ],
  samples: [2, 3, 3, 5, 4],
  timeDeltas: [1000, 2000, 2000, 3000, 1000],
};

describe("summarizeProfile", () => {
  const summary = summarizeProfile(profile, "/p");

  test("adds up self time by module, packages by name", () => {
    expect(summary.totalMs).toBe(9);
    expect(summary.modules).toEqual([
      { name: "markdown-it", ms: 4 },
      { name: "@scope/nunjucks", ms: 3 },
      { name: "src/build.ts", ms: 2 },
      { name: "(native)", ms: 0 },
    ]);
  });

  test("names functions by file and line (when the line is known)", () => {
    expect(summary.functions[0]).toEqual({ name: "parse markdown-it:42", ms: 4 });
    expect(summary.functions.find((f) => f.name === "build src/build.ts:10")?.ms).toBe(2);
    expect(summary.functions.find((f) => f.name === "render @scope/nunjucks")?.ms).toBe(3);
  });

  test("counts a recursive project function's inclusive time once", () => {
    expect(summary.projectInclusive).toEqual([{ name: "build src/build.ts:10", ms: 9 }]);
  });

  test("gives each module the time of everything it calls", () => {
    expect(summary.modulesInclusive).toEqual([
      { name: "(native)", ms: 9 },
      { name: "src/build.ts", ms: 9 },
      { name: "markdown-it", ms: 4 },
      { name: "@scope/nunjucks", ms: 3 },
    ]);
  });
});

test.each([
  ["", "(native)"],
  ["node:internal/fs/utils", "node:internal"],
  ["file:///p/eleventy.config.ts", "eleventy.config.ts"],
  ["file:///p/node_modules/@11ty/eleventy/src/Template.js", "@11ty/eleventy"],
])("moduleOf(%j)", (url, expected) => {
  expect(moduleOf(url, "/p")).toBe(expected);
});
