/** How front matter js-yaml cannot read is worded (src/content/front-matter-engines.ts), for the check and the build alike. */
import { expect, test } from "vitest";
import { yamlErrorMessage } from "../../src/content/front-matter-engines.ts";

test("an unquoted value with ': ' gets a hint to quote it; js-yaml's (line:col) goes, the place is the diagnostic's", () => {
  expect(yamlErrorMessage("bad indentation of a mapping entry (5:21)\n\n 5 | title: A: B")).toBe(
    'front matter is not valid YAML: bad indentation of a mapping entry; put a value that contains ": " in quotes, e.g. title: "Upscaling: the basics"',
  );
});

test("other reasons are given as js-yaml words them", () => {
  expect(yamlErrorMessage("missed comma between flow collection entries (6:1)")).toBe("front matter is not valid YAML: missed comma between flow collection entries");
});
