/** Eleventy's own errors become one diagnostic each, at the place the author edits. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { contentErrorDiagnostics, diagnosticsOfEleventyError, pageOfEleventyError } from "../../src/eleventy/eleventy-errors.ts";
import { ContentError } from "../../src/diagnostics.ts";
import { projectRoot } from "../helpers/eleventy.ts";

/** An error wrapping `inner` the way Eleventy does (`originalError`). */
const wrapped = (name: string, message: string, inner: object) => Object.assign(new Error(message), { name, originalError: inner });

describe("diagnosticsOfEleventyError", () => {
  const root = mkdtempSync(join(tmpdir(), "eleventy-errors-"));
  writeFileSync(join(root, "page.md"), "---\ntitle: x\nlayout: nope.njk\n---\n");
  writeFileSync(join(root, "data.json"), '{\n  "a": 1,\n}\n');

  test("front matter: js-yaml's mark, as a line of the file", () => {
    const yaml = Object.assign(new Error("missed comma (6:1)\n\n 5 | title: [oops"), { name: "YAMLException", mark: { line: 5, column: 0 } });
    const error = wrapped("TemplateContentFrontMatterError", `Having trouble reading front matter from template ${join(root, "page.md")}`, yaml);
    expect(diagnosticsOfEleventyError(error, root)).toEqual([
      { file: "page.md", line: 6, column: 1, severity: "error", rule: "front-matter/yaml", message: "front matter is not valid YAML: missed comma" },
    ]);
  });

  test("a data file that is not JSON: the place found by scanning it", () => {
    const error = wrapped("TemplateDataParseError", `Having trouble parsing data file ${join(root, "data.json")}`, new SyntaxError("Unexpected token '}'"));
    expect(diagnosticsOfEleventyError(error, root)).toMatchObject([{ file: "data.json", line: 2, column: 9, rule: "data/invalid-json" }]);
  });

  test("a missing layout: at the page's layout line", () => {
    const missing = new Error("You’re trying to use a layout that does not exist: _includes/nope.njk (via `layout: nope.njk`)");
    const error = wrapped("EleventyBaseError", `Problem creating an Eleventy Layout for the "${join(root, "page.md")}" template file.`, missing);
    expect(diagnosticsOfEleventyError(error, root)).toMatchObject([{ file: "page.md", line: 3, column: 1, rule: "build/layout", message: 'layout "nope.njk" does not exist in _includes/' }]);
  });

  test("a Nunjucks error in a layout: the layout's line and column, and the page being rendered", () => {
    const render = Object.assign(new Error(`(${join(root, "base.njk")}) [Line 3, Column 7]\n  unexpected token: %}`), { name: "Template render error" });
    const error = wrapped("EleventyTemplateError", `Having trouble writing to "_site/a/index.html" from "${join(root, "page.md")}"`, render);
    expect(diagnosticsOfEleventyError(error, root)).toMatchObject([
      { file: "base.njk", line: 3, column: 7, rule: "build/template", message: "unexpected token: %} (rendering page.md)" },
    ]);
  });

  test("nested includes: the innermost template's place and message; the page being rendered is known", () => {
    const nested = Object.assign(
      new Error(`(${join(root, "base.njk")})\n  Template render error: (${join(root, "partials/head.njk")}) [Line 4, Column 2]\n  Error: no locale "JA"`),
      { name: "Template render error" },
    );
    const error = wrapped("EleventyTemplateError", `Having trouble writing to "_site/a/index.html" from "${join(root, "page.md")}"`, nested);
    expect(diagnosticsOfEleventyError(error, root)).toMatchObject([
      { file: "partials/head.njk", line: 4, column: 2, rule: "build/template", message: 'no locale "JA" (rendering page.md)' },
    ]);
    expect(pageOfEleventyError(error, root)).toBe("page.md");
  });

  test("esbuild's errors: one diagnostic per line it reports", () => {
    const error = new Error("Build failed with 2 errors:\nsrc/client/a.ts:3:4: ERROR: Expected \";\"\nsrc/styles/b.css:1:2: ERROR: Unexpected \"}\"");
    // esbuild names files from this project, where the scripts and styles are.
    expect(diagnosticsOfEleventyError(error, projectRoot).map((d) => [d.file, d.line, d.column, d.rule])).toEqual([
      ["src/client/a.ts", 3, 4, "build/assets"],
      ["src/styles/b.css", 1, 2, "build/assets"],
    ]);
  });

  test("anything else: still one line, never a stack trace", () => {
    const [d] = diagnosticsOfEleventyError(new Error("something odd\n    at x (y.js:1:1)"), root);
    expect(d).toMatchObject({ rule: "build/error", message: "something odd", line: 1, column: 1 });
  });

  test("a ContentError's own diagnostics are found, however Eleventy wraps it", () => {
    const d = { file: "content/_data/site.json", line: 2, column: 3, severity: "error" as const, rule: "site/url", message: "placeholder URL" };
    expect(contentErrorDiagnostics(wrapped("EleventyBaseError", "x", new ContentError([d])))).toEqual([d]);
    expect(contentErrorDiagnostics(new Error("x"))).toBeUndefined();
  });
});
