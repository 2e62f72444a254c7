/** Issue #19 item 5: a local PNG that already holds a `workflow` chunk gets a workflow block. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { pngTextChunk, readPngWorkflowText } from "../../src/workflow/png-workflow.ts";
import { fixtureText } from "../workflow/fixture-files.ts";
import { pngWith } from "../workflow/png-fixture.ts";
import { renderMarkdown } from "../helpers/render.ts";

function siteWith(files: Record<string, Buffer | string>): string {
  const root = mkdtempSync(join(tmpdir(), "wf-image-"));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  return root;
}

describe("pngTextChunk", () => {
  test("reads tEXt and iTXt chunks before the image data, and nothing after it", () => {
    expect(pngTextChunk(pngWith({ prompt: "{}", workflow: '{"a":1}' }), "workflow")).toBe('{"a":1}');
    expect(pngTextChunk(pngWith({ workflow: '{"é":"ノード"}' }, { itxt: true }), "workflow")).toBe('{"é":"ノード"}');
    expect(pngTextChunk(pngWith({ workflow: "{}" }, { afterData: true }), "workflow")).toBeNull();
    expect(pngTextChunk(pngWith({}), "workflow")).toBeNull();
    expect(pngTextChunk(Buffer.from("not a png"), "workflow")).toBeNull();
  });

  test("a PNG outside the project is not read, even through a symlink", () => {
    const outside = siteWith({ "x.png": pngWith({ workflow: fixtureText("ui-basic.json") }) });
    const root = siteWith({});
    mkdirSync(join(root, "content"));
    symlinkSync(join(outside, "x.png"), join(root, "content/x.png"));
    expect(readPngWorkflowText(join(root, "content/x.png"), root)).toBeNull();
    expect(readPngWorkflowText(join(outside, "x.png"), outside)).toContain('"nodes"');
  });
});

describe("a local image that carries a workflow", () => {
  const root = siteWith({
    "content/img/flow.png": pngWith({ workflow: fixtureText("models-subgraph.json"), prompt: "{}" }),
    "content/img/plain.png": pngWith({}),
    "content/img/broken.png": pngWith({ workflow: "{not json" }),
  });
  const md = createMarkdown({ root });

  test("gets a block after it: node count, Download of the PNG, the drag hint, what you need", () => {
    const html = renderMarkdown(md, "![Graph](/img/flow.png)\n", { lang: "en" }).html;
    const block = html.slice(html.indexOf("<section"));
    expect(html.indexOf("<img")).toBeLessThan(html.indexOf("<section"));
    expect(block).toContain('<section class="workflow-block workflow-image-block" data-workflow-src="/img/flow.png">');
    expect(block).toContain('<code class="workflow-file">flow.png</code> <span class="workflow-count">2 nodes</span>');
    expect(block).toContain('<a class="workflow-download" href="/img/flow.png" download="flow.png"');
    expect(block).toContain("This image holds its workflow");
    expect(block).toContain("<code>ink-style.safetensors</code> goes in <code>ComfyUI/models/loras/</code>");
    expect(block).not.toContain("data-workflow-copy");
    expect(block).not.toContain("workflow-preview");
  });

  test("a PNG without a workflow, or in running text, stays just an image", () => {
    expect(renderMarkdown(md, "![](/img/plain.png)\n").html).not.toContain("workflow-block");
    expect(renderMarkdown(md, "See ![](/img/flow.png) here.\n").html).not.toContain("workflow-block");
  });

  test("a chunk that is not a workflow is a warning, and the image stays", () => {
    const { diagnostics } = renderMarkdown(md, "![x](/img/broken.png)\n", { file: "content/en/s/p.md", lang: "en" });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^content\/en\/s\/p\.md:1:1: warning: content\/img\/broken\.png \(its workflow chunk\): not valid JSON.*\(workflow\/invalid-json\)$/),
    ]);
    expect(renderMarkdown(md, "![x](/img/broken.png)\n").html).toContain("<img");
  });
});
