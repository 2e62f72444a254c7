/** Issue #19 item 1: the preview SVG carries its workflow where ComfyUI reads it, and nothing can break out. */
import { describe, expect, test } from "vitest";
import { cdataSafeJson, workflowMetadata } from "../../src/workflow/svg-metadata.ts";
import { WorkflowStore } from "../../src/workflow/workflow-store.ts";
import { fixturesRoot, fixtureText } from "./fixture-files.ts";
import { join } from "node:path";

/** What ComfyUI's frontend does with a dropped SVG (src/scripts/metadata/svg.ts): the same match, then JSON.parse. */
function comfyReads(svg: string): unknown {
  const match = /<metadata>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/metadata>/i.exec(svg);
  return match ? JSON.parse(match[1]!.trim()) : undefined;
}

const previewOf = (name: string) => {
  const preview = new WorkflowStore().drawPreview(join(fixturesRoot, "workflows", name));
  if (!preview) throw new Error(name);
  return preview.svg;
};

describe("workflow metadata in the preview", () => {
  test("a UI file is embedded as { workflow }, value for value", () => {
    expect(comfyReads(previewOf("ui-basic.json"))).toEqual({ workflow: JSON.parse(fixtureText("ui-basic.json")) });
  });

  test("an API file is embedded as { prompt }", () => {
    expect(comfyReads(previewOf("api-basic.json"))).toEqual({ prompt: JSON.parse(fixtureText("api-basic.json")) });
  });

  test("]]>, <script> and quotes in titles and model names stay inside the section", () => {
    const svg = previewOf("hostile.json");
    expect(comfyReads(svg)).toEqual({ workflow: JSON.parse(fixtureText("hostile.json")) });
    // One CDATA section, closed once; no markup from the file anywhere in the document.
    expect(svg.match(/\]\]>/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<script|<\/metadata><script|<img/i);
    const metadata = svg.slice(svg.indexOf("<metadata>"), svg.indexOf("</metadata>"));
    expect(metadata.slice("<metadata><![CDATA[".length, -"]]>".length)).not.toMatch(/[<>]/);
  });

  test.each([
    ['{"a":"]]>"}', { a: "]]>" }],
    ['{"a":"</metadata>\\\\<"}', { a: "</metadata>\\<" }],
    ['{"a":"\uFFFE\uFFFF"}', { a: "\uFFFE\uFFFF" }],
  ])("cdataSafeJson(%s) means the same JSON and holds no < > or XML non-characters", (json, value) => {
    const safe = cdataSafeJson(json);
    expect(JSON.parse(safe)).toEqual(value);
    expect(safe).not.toMatch(/[<>\uFFFE\uFFFF]/);
  });

  test("a byte order mark is left out", () => {
    expect(workflowMetadata('\uFEFF{"1":{}}\n', "api")).toBe('<metadata><![CDATA[{"prompt":{"1":{}}}]]></metadata>');
  });
});
