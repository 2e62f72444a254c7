/**
 * Fixture files in markdown-it's own format: a title line, then `.`-separated input and
 * expected output, blocks separated by blank lines:
 *
 *     title
 *     .
 *     input Markdown
 *     .
 *     expected HTML
 *     .
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

export interface FixtureCase {
  title: string;
  input: string;
  expected: string;
  line: number;
}

/** Parses a fixture file into its cases. */
export function readFixtures(path: string): FixtureCase[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const cases: FixtureCase[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i + 1] !== "." || lines[i]!.trim() === "") {
      i++;
      continue;
    }
    const title = lines[i]!;
    const line = i + 1;
    const blocks: string[][] = [[], []];
    let block = 0;
    i += 2;
    while (i < lines.length && block < 2) {
      if (lines[i] === ".") block++;
      else blocks[block]!.push(lines[i]!);
      i++;
    }
    cases.push({ title, input: blocks[0]!.join("\n") + "\n", expected: blocks[1]!.join("\n") + "\n", line });
  }
  return cases;
}

/** One vitest test per fixture case, rendering the input with `render`. */
export function generateTests(path: string, render: (markdown: string) => string): void {
  const cases = readFixtures(path);
  describe(path.replace(/^.*\/tests\//, "tests/"), () => {
    test("has cases", () => expect(cases.length).toBeGreaterThan(0));
    test.each(cases)("$title (line $line)", ({ input, expected }) => {
      expect(render(input)).toBe(expected);
    });
  });
}
