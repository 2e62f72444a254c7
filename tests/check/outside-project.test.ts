/**
 * Nothing a page links to is read from outside the project: `%2f`-encoded traversal in
 * workflow links (blocks and inline links) and symlinks in workflows/ are refused, and the
 * outside file is never parsed (the store's counts say so) nor shown.
 */
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { checkSite } from "../../src/check/check-site.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { BodyRenderer } from "../../src/markdown/render-body.ts";
import { WorkflowStore } from "../../src/workflow/workflow-store.ts";
import { fixtureFiles } from "../helpers/fixture-site.ts";
import { renderMarkdown } from "../helpers/render.ts";

const workflow = fileURLToPath(new URL("../../workflows/basic-workflows/sd15-lora/SD1.5_lora.json", import.meta.url));
const guide = (body: string) => `---\nlayout: page.njk\nlang: ja\nslug: d\ntitle: "D"\nsummary: "s"\npermalink: "/ja/guide/d/"\n---\n${body}`;

const body = [
  "[](/workflows/..%2f..%2foutside.json)",
  "",
  "See [the file](/workflows/..%2F..%2Foutside.json) and [this](/workflows/guide/..%5C..%5C..%5Coutside.json).",
  "",
  "[](/workflows/guide/linked.json)",
  "",
].join("\n");

/** A project at `<outer>/project` whose links all aim at `<outer>/outside.json`, a valid workflow. */
function project(): string {
  const outer = mkdtempSync(join(tmpdir(), "outer-"));
  const root = join(outer, "project");
  for (const [path, text] of Object.entries({ ...fixtureFiles(), "content/ja/guide/d.md": guide(body) })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  mkdirSync(join(root, "workflows/guide"), { recursive: true });
  copyFileSync(workflow, join(outer, "outside.json"));
  symlinkSync(join(outer, "outside.json"), join(root, "workflows/guide/linked.json"));
  return root;
}

test("the check refuses every route out of the project and parses nothing outside", () => {
  const root = project();
  const store = new WorkflowStore();
  const { diagnostics } = checkSite({ root, contentDir: "content", bodies: new BodyRenderer(createMarkdown({ root, workflows: store })), workflows: store });
  const found = diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
  expect(found).toEqual([
    "content/ja/guide/d.md:9:1 workflow/bad-path",
    "content/ja/guide/d.md:11:16 links/workflow",
    "content/ja/guide/d.md:11:62 links/workflow",
    "content/ja/guide/d.md:13:1 workflow/outside-project",
    "workflows/guide/linked.json:1:1 files/outside-project",
  ]);
  expect(store.counts.parsed).toBe(0);
});

test("the rendered page shows nothing of the outside file", () => {
  const root = project();
  const store = new WorkflowStore();
  const { html } = renderMarkdown(createMarkdown({ root, workflows: store }), body, { file: "content/ja/guide/d.md", section: "guide", slug: "d" });
  expect(html).not.toContain("workflow-block");
  expect(html).not.toContain("LoraLoader");
  expect(store.counts.parsed).toBe(0);
});
