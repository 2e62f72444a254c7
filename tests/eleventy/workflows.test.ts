import { cpSync, existsSync, readdirSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, test } from "vitest";
import workflowsPlugin from "../../src/eleventy/workflows.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import markdownPlugin from "../../src/eleventy/markdown.ts";
import { BodyRenderer } from "../../src/markdown/render-body.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { WorkflowStore } from "../../src/workflow/workflow-store.ts";
import { buildToDir, projectRoot } from "../helpers/eleventy.ts";
import { fixturesRoot } from "../workflow/fixture-files.ts";
import { writeSite } from "../helpers/fixture-site.ts";

const SEED = "ja/basic-workflows/sd15-lora/index.html";
const WORKFLOWS = ["SD1.5_lora", "Flux.1_lora"].map((name) => `/workflows/basic-workflows/sd15-lora/${name}.json`);

describe("the seed page's workflow blocks, built", async () => {
  const output = await buildToDir();
  const html = readFileSync(join(output, SEED), "utf8");
  const blocks = [...html.matchAll(/<section class="workflow-block" data-workflow-src="([^"]+)">([\s\S]*?)<\/section>/g)];

  test("both linked workflows become blocks, in page order", () => {
    expect(blocks.map((b) => b[1])).toEqual(WORKFLOWS);
  });

  test.each(WORKFLOWS)("%s is published byte for byte and offered for download", (href) => {
    const block = blocks.find((b) => b[1] === href)![2]!;
    const name = href.split("/").pop()!;
    expect(block).toContain(`<a class="workflow-download" href="${href}" download="${name}"`);
    expect(block).toMatch(/<button type="button" class="workflow-copy" data-workflow-copy hidden aria-label="[^"]+">/);
    expect(block).toContain('<span class="workflow-copy-status" role="status" aria-live="polite"></span>');
    expect(readFileSync(join(output, href)).equals(readFileSync(join(projectRoot, href)))).toBe(true);
  });

  test.each(WORKFLOWS)("%s: the preview SVG exists where the block points, at the size it states", (href) => {
    const block = blocks.find((b) => b[1] === href)![2]!;
    const [, link, src, width, height] = /<a class="workflow-preview" href="([^"]+)"><img src="([^"]+)" width="(\d+)" height="(\d+)" alt="[^"]+" loading="lazy"/.exec(block)!;
    expect(link).toBe(src);
    const svg = readFileSync(join(output, src!), "utf8");
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`));
  });

  test("what you need lists the LoRA in ComfyUI/models/loras/ and the Flux models in their folders", () => {
    expect(blocks[0]![2]).toContain("<code>PX64NOCAP_epoch_10.safetensors</code> を <code>ComfyUI/models/loras/</code> に置く");
    for (const folder of ["diffusion_models", "text_encoders", "vae", "loras"]) expect(blocks[1]![2]).toContain(`<code>ComfyUI/models/${folder}/</code>`);
  });

  test("the page stays light: no workflow JSON inlined, well under 40 KB", () => {
    expect(html).not.toContain("widgets_values");
    expect(html).not.toContain("last_link_id");
    expect(Buffer.byteLength(html)).toBeLessThan(40_000);
  });

  test("no temporary files are left beside the previews", () => {
    const files = readdirSync(join(output, "workflow-previews"), { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(files).toContain(join("basic-workflows", "sd15-lora", "SD1.5_lora.svg"));
  });
});


const page = (body: string) =>
  `---\nlayout: page.njk\nlang: ja\nslug: a\ntitle: "A"\nsummary: "s"\npermalink: "/ja/s/a/"\n---\n${body}`;

describe("a workflow link that is wrong", () => {
  test("fails the build at page.md:line, naming the JSON file, and writes nothing", async () => {
    const root = writeSite({ "content/ja/s/a.md": page("Intro\n\n[](/workflows/w/broken.json)\n") });
    cpSync(join(fixturesRoot, "workflows/broken-link.json"), join(root, "workflows/w/broken.json"));
    const output = join(root, "_site");
    const error = await buildToDir(root, output).then(
      () => null,
      (e: unknown) => e,
    );
    const message = String((error as { originalError?: Error })?.originalError?.message ?? error);
    // Link 1 (to a missing node) is a warning since issue #16; link 2's missing slot still stops the build.
    expect(message).toContain(
      "content/ja/s/a.md:11:1: error: workflows/w/broken.json: link 2 starts at output 5 of node 1 (CheckpointLoaderSimple), which has 3 outputs (0–2) (workflow/broken-link)",
    );
    expect(existsSync(output) && readdirSync(output).length > 0).toBe(false);
  });
});

describe("the Eleventy plugin", () => {
  test("pages linking the same file share one parse; rebuilds reuse it until the file changes", async () => {
    const root = writeSite({
      "content/a.md": "[](/workflows/w.json)\n",
      "content/b.md": "[again](/workflows/w.json)\n\n[](/workflows/api.json)\n",
    });
    cpSync(join(fixturesRoot, "workflows/ui-basic.json"), join(root, "workflows/w.json"));
    cpSync(join(fixturesRoot, "workflows/api-basic.json"), join(root, "workflows/api.json"));
    const workflows = new WorkflowStore();
    const md = createMarkdown({ root, workflows });
    const output = join(root, "_site");
    const config = (eleventyConfig: EleventyConfig) => {
      eleventyConfig.addPlugin(markdownPlugin, { bodies: new BodyRenderer(md), root, contentDir: "content", model: () => undefined });
      eleventyConfig.addPlugin(workflowsPlugin, { root, workflows });
      eleventyConfig.setOutputDirectory(output);
    };
    const elev = new Eleventy(join(root, "content"), output, { quietMode: true, configPath: false, config });

    await elev.write();
    expect(workflows.counts).toEqual({ parsed: 2, drawn: 2, fromDisk: 0 });
    expect(readFileSync(join(output, "b/index.html"), "utf8")).toContain('<img src="/workflow-previews/w.svg"');
    expect(readFileSync(join(output, "workflow-previews/w.svg"), "utf8")).toContain("<title>w.json</title>");
    expect(existsSync(join(output, "workflow-previews/api.svg"))).toBe(true);

    await elev.write();
    expect(workflows.counts).toEqual({ parsed: 2, drawn: 2, fromDisk: 0 });

    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, "workflows/w.json"), later, later);
    await elev.write();
    expect(workflows.counts).toEqual({ parsed: 3, drawn: 3, fromDisk: 0 });
  });
});
