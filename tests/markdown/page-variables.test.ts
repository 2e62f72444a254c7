import { describe, expect, test } from "vitest";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { codeSpans } from "../../src/markdown/page-variables.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { renderMarkdown } from "../helpers/render.ts";

const md = createMarkdown({ root: projectRoot });
const render = (body: string) => renderMarkdown(md, body, { lang: "en", section: "basic-workflows", slug: "sd15-lora", bodyLineOffset: 3 });

describe("page variables in a body", () => {
  test("fill prose, headings, links and raw HTML", () => {
    const { html, diagnostics } = render("## {{ slug }}\n\nSee [x](/{{ lang }}/{{section}}/) and <a href=\"/{{ lang }}/\">home</a>.\n");
    expect(diagnostics).toEqual([]);
    expect(html).toContain("sd15-lora</h2>".replace("</h2>", "<a"));
    expect(html).toContain('<a href="/en/basic-workflows/">x</a>');
    expect(html).toContain('<a href="/en/">home</a>');
  });

  test("code is literal: fences, inline code and the LoRA page's folder-tree fence", () => {
    const body = [
      "Prompt: `A photo of {{ subject }}, pixel_art` and ``{% raw %}``",
      "",
      "```text",
      "A photo of {{ subject }}, {% if x %}pixel_art{% endif %}",
      "```",
      "",
      "- [8bitdiffuser](https://example.com/m)",
      "-  ```text",
      "    📂ComfyUI/{{ lang }}",
      "      └── 📂models/",
      "    ```",
      "",
    ].join("\n");
    const { html, diagnostics } = render(body);
    expect(diagnostics).toEqual([]);
    expect(html).toContain("<code>A photo of {{ subject }}, pixel_art</code>");
    expect(html).toContain("<code>{% raw %}</code>");
    expect(html).toContain("A photo of {{ subject }}, {% if x %}pixel_art{% endif %}");
    expect(html).toContain("📂ComfyUI/{{ lang }}");
  });

  test("any other tag in prose is an error at its line and column, and stays as written", () => {
    const { html, diagnostics } = render("ok\n\nHi {{ title }} and {% include \"x\" %}\n");
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.rule])).toEqual([
      [6, 4, "error", "template/unknown-tag"],
      [6, 20, "error", "template/unknown-tag"],
    ]);
    expect(html).toContain("Hi {{ title }} and {% include");
  });

  test("an unclosed opener is reported too", () => {
    expect(render("a {{ b\n").diagnostics.map((d) => d.rule)).toEqual(["template/unknown-tag"]);
  });
});

describe("codeSpans", () => {
  test("pairs runs of the same length", () => {
    const text = "a `x` b ``y ` z`` c `";
    expect(codeSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(["`x`", "``y ` z``"]);
  });

  test("stays linear on many unmatched runs", () => {
    // 60,000 runs of growing length, none closed: a quadratic scan would not finish in time.
    const text = Array.from({ length: 300 }, (_, i) => "`".repeat(i + 1) + " ").join("").repeat(200);
    expect(codeSpans(text).length).toBeGreaterThan(0);
  });
});
