import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { WorkflowStore } from "../../src/workflow/workflow-store.ts";
import { generateTests } from "../helpers/fixtures.ts";
import { fixturesRoot } from "../workflow/fixture-files.ts";
import { renderMarkdown } from "../helpers/render.ts";
import { renderEnvFor } from "../../src/markdown/render-env.ts";

const md = createMarkdown({ root: fixturesRoot });
generateTests(fileURLToPath(new URL("fixtures/workflow-block.txt", import.meta.url)), (input) => renderMarkdown(md, input).html);

function diagnosticsOf(markdown: string): string[] {
  return renderMarkdown(md, markdown, { bodyLineOffset: 6 }).diagnostics.map(formatDiagnostic);
}

describe("authoring errors", () => {
  test.each([
    ["missing.json", "workflow/missing-file", "workflows/missing.json: file not found; save the workflow JSON there or correct the link"],
    ["invalid.json", "workflow/invalid-json", 'workflows/invalid.json: not valid JSON: trailing comma before "]" (JSON allows no comma after the last item) at line 3, column 17'],
    ["not-a-workflow.json", "workflow/not-a-workflow", 'workflows/not-a-workflow.json: not a ComfyUI workflow: it has neither "nodes" nor nodes with "class_type"'],
    ["bad-schema.json", "workflow/not-a-workflow", "workflows/bad-schema.json: not a ComfyUI workflow: nodes[0].pos: must be [x, y]"],
    // Link 1 (to a missing node) is a warning since issue #16; link 2's slot is still an error.
    ["broken-link.json", "workflow/broken-link", "workflows/broken-link.json: link 2 starts at output 5 of node 1 (CheckpointLoaderSimple), which has 3 outputs (0–2)"],
  ])("%s: %s at page.md:line, naming the JSON file", (file, rule, message) => {
    const [first] = diagnosticsOf(`Intro\n\n[](/workflows/${file})\n`);
    expect(first).toMatch(new RegExp(`^content/ja/s/page\\.md:9:1: error: `));
    expect(first).toContain(message);
    expect(first!.endsWith(`(${rule})`)).toBe(true);
  });

  test("in a dev render a failed block leaves a marker with the banner's id; a production render does not", () => {
    const input = { file: "content/ja/s/page.md", body: "Intro\n\n[](/workflows/missing.json)\n", bodyLineOffset: 6, variables: { lang: "ja", section: "s", slug: "page" } };
    const html = md.render(input.body, { ...renderEnvFor(input), devMarkers: true });
    expect(html).toMatch(/<p class="dev-marker" id="dev-diagnostic-9" role="note"><strong>⚠<\/strong> workflows\/missing\.json: file not found/);
    expect(html).toContain('<a href="/workflows/missing.json">');
    expect(md.render(input.body, renderEnvFor(input))).not.toContain("dev-marker");
  });

  test("every link problem of a file is reported", () => {
    expect(diagnosticsOf("[](/workflows/broken-link.json)\n")).toHaveLength(4);
  });

  test("a link that would leave /workflows/ is an error", () => {
    expect(diagnosticsOf("[](/workflows/../package.json)\n")).toEqual([
      'content/ja/s/page.md:7:1: error: the link /workflows/../package.json must name a file inside /workflows/ without "..", "." or empty path segments (workflow/bad-path)',
    ]);
  });

  test("valid blocks and ordinary links report nothing", () => {
    expect(diagnosticsOf("[](/workflows/ui-basic.json)\n\n[x](/data/missing.json)\n\nSee [y](/workflows/missing.json) here.\n")).toEqual([]);
  });
});

describe("rendering", () => {
  test("labels follow the page's language", () => {
    const html = renderMarkdown(md, "[](/workflows/ui-basic.json)\n", { lang: "en" }).html;
    expect(html).toContain('<span class="workflow-label">Workflow</span>');
    expect(html).toContain('<span class="workflow-count">3 nodes</span>');
    expect(html).toContain('aria-label="Copy ui-basic.json">Copy</button>');
    expect(html).toContain('download="ui-basic.json" aria-label="Download ui-basic.json">Download</a>');
    expect(html).toContain("<summary>What you need</summary>");
    expect(html).toContain("<code>sd15.safetensors</code> goes in <code>ComfyUI/models/checkpoints/</code>");
  });

  test("never inlines the workflow JSON", () => {
    const html = renderMarkdown(md, "[](/workflows/ui-basic.json)\n\n[](/workflows/api-basic.json)\n").html;
    for (const key of ["widgets_values", "last_node_id", "class_type", '"inputs"']) expect(html).not.toContain(key);
    expect(html.length).toBeLessThan(4000);
  });

  test("a page checked then rendered, twice, reads each workflow file once", () => {
    const root = mkdtempSync(join(tmpdir(), "wf-root-"));
    cpSync(join(fixturesRoot, "workflows"), join(root, "workflows"), { recursive: true });
    const workflows = new WorkflowStore();
    const local = createMarkdown({ root, workflows });
    const page = "[](/workflows/ui-basic.json)\n\n[](/workflows/api-basic.json)\n\n[again](/workflows/ui-basic.json)\n";
    // Check and build each render the page (no body cache here), twice.
    for (let i = 0; i < 4; i++) renderMarkdown(local, page);
    expect(workflows.counts).toEqual({ parsed: 2, drawn: 2, fromDisk: 0 });
  });

  test("the factory makes a store of its own when none is passed", () => {
    const a = renderMarkdown(createMarkdown({ root: fixturesRoot }), "[](/workflows/ui-basic.json)\n").html;
    expect(a).toContain('class="workflow-block"');
  });
});

describe("issue #16: list items, stale links, empty links", () => {
  test("a tight list item that is only a workflow link is a block, reported like one", () => {
    const html = renderMarkdown(md, "- [](/workflows/ui-basic.json)\n- [](/workflows/groups.json)\n").html;
    expect(html.match(/<li>\n<section class="workflow-block"/g)).toHaveLength(2);
    expect(diagnosticsOf("- [](/workflows/missing.json)\n")).toEqual([
      expect.stringMatching(/^content\/ja\/s\/page\.md:7:1: error: workflows\/missing\.json: file not found.*\(workflow\/missing-file\)$/),
    ]);
  });

  test("a list item with more than the link stays a list item", () => {
    const html = renderMarkdown(md, "- [](/workflows/ui-basic.json) and more\n").html;
    expect(html).toBe('<ul>\n<li><a href="/workflows/ui-basic.json">ui-basic.json</a> and more</li>\n</ul>\n');
  });

  test("links to missing nodes: one warning naming the file and link ids; the block is drawn without them", () => {
    expect(diagnosticsOf("[](/workflows/stale-link.json)\n")).toEqual([
      "content/ja/s/page.md:7:1: warning: workflows/stale-link.json: links 7, 9 join nodes 5, 6, which do not exist; ComfyUI drops such links on load and the preview leaves them out (node ids are 1, 2) (workflow/stale-link)",
    ]);
    const store = new WorkflowStore();
    const result = store.load(join(fixturesRoot, "workflows/stale-link.json"));
    const read = readWorkflow(readFileSync(join(fixturesRoot, "workflows/stale-link.json"), "utf8"));
    expect(read.ok && read.workflow.main.links.map((l) => l.id)).toEqual(["1"]);
    expect(result.ok && store.drawPreview(join(fixturesRoot, "workflows/stale-link.json"))!.svg.match(/<path /g)).toHaveLength(1);
    expect(renderMarkdown(md, "[](/workflows/stale-link.json)\n").html).toContain('class="workflow-block"');
  });

  test("a file ComfyUI cannot paste warns, and its block has no Copy button but says so", () => {
    expect(diagnosticsOf("[](/workflows/no-extra.json)\n")).toEqual([
      expect.stringMatching(/^content\/ja\/s\/page\.md:7:1: warning: workflows\/no-extra\.json: Copy would not paste into ComfyUI: it has no "extra" object.*\(workflow\/not-pasteable\)$/),
    ]);
    const html = renderMarkdown(md, "[](/workflows/no-extra.json)\n", { lang: "en" }).html;
    expect(html).not.toContain("data-workflow-copy");
    expect(html).toContain('<p class="workflow-hint">ComfyUI cannot paste this file: download it, or drag Download or the preview onto the ComfyUI canvas.</p>');
    expect(renderMarkdown(md, "[](/workflows/ui-basic.json)\n", { lang: "en" }).html).toContain('<p class="workflow-hint">Drag Download or the preview onto the ComfyUI canvas to open it.</p>');
  });

  test.each([
    ["[]()", "error", "links/empty"],
    ["[text]()", "error", "links/empty"],
    ["See [here]( ) now", "error", "links/empty"],
    ["[](/en/guide/)", "warning", "links/empty-text"],
  ])("%s is reported (%s %s)", (markdown, severity, rule) => {
    const [d, ...rest] = diagnosticsOf(`Intro\n\n${markdown}\n`);
    expect(rest).toEqual([]);
    expect(d).toMatch(new RegExp(`^content/ja/s/page\\.md:9:1: ${severity}: .*\\(${rule.replace("/", "\\/")}\\)$`));
  });

  test("links with text and a target, and images, are not empty links", () => {
    const found = diagnosticsOf("[a](/en/x/) ![](/img/a.png) [![](/img/b.png)](/en/y/)\n");
    expect(found.filter((d) => d.includes("(links/"))).toEqual([]);
  });
});

describe("issue #19: the block's contents", () => {
  test("what you need: a models tree, download links shown by host, hashes, registry links; hostile names escaped", () => {
    const html = renderMarkdown(md, "[](/workflows/models-subgraph.json)\n\n[](/workflows/hostile.json)\n", { lang: "en" }).html;
    expect(html).toContain("    ├── diffusion_models/\n    │   └── flux1-dev-fp8.safetensors");
    expect(html).toContain('<a class="workflow-need-download" href="https://huggingface.co/Comfy-Org/flux1-dev/resolve/main/flux1-dev-fp8.safetensors">download (huggingface.co)</a>');
    expect(html).toContain('<span class="workflow-need-hash">SHA256 <code title="8e91b68084b53a7fc44ed2a3756d821e355ac1a7b6fe29be760c1db532f3d88a">8e91b68084b5…</code></span>');
    expect(html).toContain("<code>ink-style.safetensors</code> goes in <code>ComfyUI/models/loras/</code>");
    expect(html).not.toMatch(/<script|<b>|custom_nodes\/evil|href="javascript:|http:\/\/example/);
    expect(html).toContain("<code>it's &quot;quoted&quot; &lt;b&gt;]]&gt;.safetensors</code>");
    expect(html).toContain("]]&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;");
  });
});
