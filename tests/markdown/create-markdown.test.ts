import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { isSafeUrl } from "../../src/util/safe-url.ts";
import { generateTests } from "../helpers/fixtures.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { renderMarkdown } from "../helpers/render.ts";

const md = createMarkdown({ root: projectRoot });
generateTests(fileURLToPath(new URL("fixtures/core.txt", import.meta.url)), (input) => renderMarkdown(md, input).html);
generateTests(fileURLToPath(new URL("fixtures/raw-html-security.txt", import.meta.url)), (input) => renderMarkdown(md, input).html);

describe("raw HTML diagnostics", () => {
  test("each removed tag or attribute is reported at its file line", () => {
    const env = renderMarkdown(md, "intro\n\n<div onclick=\"x\">\n<script>y</script>\n</div>\n", { file: "content/ja/a/b.md", bodyLineOffset: 5 });
    expect(env.diagnostics.map((d) => [d.file, d.line, d.rule, d.message])).toEqual([
      ["content/ja/a/b.md", 8, "html/disallowed", expect.stringContaining('onclick="x" on <div>')],
      ["content/ja/a/b.md", 8, "html/disallowed", expect.stringContaining("<script>")],
      ["content/ja/a/b.md", 8, "html/disallowed", expect.stringContaining("</script>")],
    ]);
  });

  test("each instance is fresh: no state leaks between factories", () => {
    expect(createMarkdown({ root: projectRoot })).not.toBe(createMarkdown({ root: projectRoot }));
  });
});

describe("isSafeUrl", () => {
  test.each([
    ["/ja/page/", true],
    ["#anchor", true],
    ["https://gyazo.com/x", true],
    ["mailto:a@b.c", true],
    ["javascript:alert(1)", false],
    ["JaVaScRiPt:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["data:text/html,<script>", false],
    ["vbscript:x", false],
    ["javascript&colon;alert(1)", false],
    ["javascript&colon alert(1)", false],
    ["java&Tab;script:alert(1)", false],
    ["java&NewLine;script&colon;x", false],
    ["javascript&#58;x", false],
    ["javascript&#58x", false],
    ["javascript&#x3a;x", false],
    ["javascript&#X3A x", false],
    ["javascript%3Ax", false],
    ["%6Aavascript:x", false],
    ["javascript&amp;colon;x", false],
    ["java%26Tab%3Bscript:x", false],
    ["\u0001 javascript:x", false],
    ["https://example.com/?a=1&b=2", true],
    ["/ja/a%20b/", true],
  ])("%s → %s", (url, safe) => expect(isSafeUrl(url)).toBe(safe));
});
