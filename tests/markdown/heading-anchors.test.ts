import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { createSlugger, headingSlug } from "../../src/markdown/heading-slug.ts";
import { generateTests } from "../helpers/fixtures.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { renderMarkdown } from "../helpers/render.ts";
import { renderEnvFor } from "../../src/markdown/render-env.ts";

const md = createMarkdown({ root: projectRoot });
generateTests(fileURLToPath(new URL("fixtures/heading-anchors.txt", import.meta.url)), (input) => renderMarkdown(md, input).html);

describe("headingSlug", () => {
  test.each([
    ["LoRAとは？", "loraとは"],
    ["LoRAを適用した text2image", "loraを適用した-text2image"],
    ["Flux.1以降のモデルと LoRA", "flux1以降のモデルと-lora"],
    ["ComfyUI workflowの変化", "comfyui-workflowの変化"],
    ["  Ｔｅｘｔｕａｌ　Inversion  ", "textual-inversion"],
    ["a -- b", "a-b"],
    ["カタカナ・ひらがな／漢字", "カタカナひらがな漢字"],
    // Emoji with a variation selector (U+FE0F) and other invisible marks leave nothing behind.
    ["⚠️ 注意", "注意"],
    ["✅Done", "done"],
    ["1️⃣ Step one", "1-step-one"],
    ["zero\u200bwidth\u200d join", "zerowidth-join"],
    ["\u200e\u0301Accent", "accent"],
    ["がぎぐ", "がぎぐ"],
  ])("%s → %s", (text, slug) => expect(headingSlug(text)).toBe(slug));

  test("an id never starts with an invisible character", () => {
    for (const text of ["⚠️ Warning", "❤️ Thanks", "☑️ チェック", "\ufeffBOM"]) {
      expect(headingSlug(text)).toMatch(/^[\p{L}\p{N}]/u);
    }
    expect(createSlugger()("❤️")).toBe("section");
  });

  test("the same headings always get the same ids (stable across builds)", () => {
    const ids = () => {
      const slug = createSlugger(["b"]);
      return ["a", "b", "a", "A"].map(slug);
    };
    expect(ids()).toEqual(["a", "b-2", "a-2", "a-3"]);
    expect(ids()).toEqual(ids());
  });
});

describe("table of contents in env", () => {
  test("h2 and h3 are collected in order with their ids; h4 is not", () => {
    const env = renderMarkdown(md, "## LoRAとは？\n\n### ダウンロード\n\n#### 細かい話\n\n## 手順 {#steps}\n", { lang: "en" });
    expect(env.toc).toEqual([
      { level: 2, id: "loraとは", text: "LoRAとは？" },
      { level: 3, id: "ダウンロード", text: "ダウンロード" },
      { level: 2, id: "steps", text: "手順" },
    ]);
  });

  test("the anchor label follows the page language", () => {
    expect(renderMarkdown(md, "## Steps\n", { lang: "en" }).html).toContain('aria-label="Link to “Steps”"');
  });

  test("ids are set on the tokens during the parse (the check reads them there)", () => {
    const tokens = md.parse("## LoRAとは？\n", renderEnvFor({ file: "content/ja/s/a.md", body: "## LoRAとは？\n", bodyLineOffset: 0, variables: { lang: "ja", section: "s", slug: "a" } }));
    expect(tokens[0]!.attrGet("id")).toBe("loraとは");
  });

  test("an explicit id used twice is reported at its line", () => {
    const env = renderMarkdown(md, "## A {#x}\n\n## B {#x}\n", { file: "content/ja/s/a.md", bodyLineOffset: 4 });
    expect(env.diagnostics.map((d) => [d.file, d.line, d.severity, d.rule])).toEqual([
      ["content/ja/s/a.md", 7, "error", "heading/duplicate-id"],
    ]);
  });
});
