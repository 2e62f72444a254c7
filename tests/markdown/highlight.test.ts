import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { isKnownLanguage } from "../../src/markdown/highlight.ts";
import { generateTests } from "../helpers/fixtures.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { renderMarkdown } from "../helpers/render.ts";

const md = createMarkdown({ root: projectRoot });
generateTests(fileURLToPath(new URL("fixtures/highlight.txt", import.meta.url)), (input) => renderMarkdown(md, input).html);

describe("fence languages", () => {
  test.each(["json", "bash", "sh", "shell", "console", "python", "py", "javascript", "js", "typescript", "ts", "yaml", "yml", "text", "plaintext"])(
    "%s is highlighted",
    (lang) => expect(isKnownLanguage(lang)).toBe(true),
  );

  // Languages guides for Windows users need (issue #16).
  test.each([
    ["powershell", "Get-ChildItem -Path C:\\ComfyUI", "hljs-built_in"],
    ["ps1", "$env:PATH", "hljs-variable"],
    ["bat", "@echo off\nset X=1", "hljs-built_in"],
    ["cmd", "echo hi", "hljs-built_in"],
    ["ini", "[server]\nport = 8188", "hljs-section"],
    ["toml", "[project]\nname = \"x\"", "hljs-section"],
    ["diff", "- old\n+ new", "hljs-addition"],
  ])("%s is highlighted and warns about nothing", (lang, code, token) => {
    const { html, diagnostics } = renderMarkdown(md, `\`\`\`${lang}\n${code}\n\`\`\`\n`);
    expect(html).toContain(`class="hljs language-${lang}"`);
    expect(html).toContain(`class="${token}"`);
    expect(diagnostics).toEqual([]);
  });

  test("an unknown language is a warning at the fence's line", () => {
    const env = renderMarkdown(md, "intro\n\n```rust\nfn main() {}\n```\n\n```json\n{}\n```\n", { file: "content/ja/a/b.md", bodyLineOffset: 4 });
    expect(env.diagnostics).toEqual([
      expect.objectContaining({ file: "content/ja/a/b.md", line: 7, severity: "warning", rule: "code/unknown-language" }),
    ]);
    expect(env.diagnostics![0]!.message).toContain('"rust"');
  });

  test("rendering without a collector does not throw", () => {
    expect(() => renderMarkdown(md, "```rust\nfn main() {}\n```\n")).not.toThrow();
  });
});
