import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DiskCache } from "../../src/util/disk-cache.ts";
import { WorkflowStore, type StoreResult } from "../../src/workflow/workflow-store.ts";
import { fixtureText } from "./fixture-files.ts";

function tempWorkflow(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "store-")), "w.json");
  writeFileSync(path, text);
  return path;
}

describe("WorkflowStore", () => {
  test("parses and draws a file once, however often it is asked for", () => {
    const store = new WorkflowStore();
    const path = tempWorkflow(fixtureText("ui-basic.json"));
    const first = store.load(path);
    for (let i = 0; i < 5; i++) expect(store.load(path)).toBe(first);
    expect(store.counts).toEqual({ parsed: 1, drawn: 1, fromDisk: 0 });
    expect(first.ok && first.value.nodeCount).toBe(3);
    expect(first.ok && first.value.preview!.svg).toContain("<title>w.json</title>");
  });

  test("reads the file again when it changes on disk (the dev server's edits)", () => {
    const store = new WorkflowStore();
    const path = tempWorkflow(fixtureText("ui-basic.json"));
    expect(store.load(path).ok).toBe(true);
    writeFileSync(path, fixtureText("api-basic.json"));
    // Same size is possible; a later modification time alone must be enough.
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    const result = store.load(path);
    // The API file has no node positions: its preview is laid out, and it cannot be pasted.
    expect(result.ok && result.value.pasteable).toBe(false);
    expect(store.counts.parsed).toBe(2);
  });

  test("problems are cached too, and a missing file is reported", () => {
    const store = new WorkflowStore();
    const path = tempWorkflow(fixtureText("broken-link.json"));
    const broken = store.load(path);
    expect(broken.ok).toBe(false);
    expect(store.load(path)).toBe(broken);
    expect(store.counts).toEqual({ parsed: 1, drawn: 0, fromDisk: 0 });
    const missing = store.load(join(tmpdir(), "no-such-dir", "x.json"));
    expect(!missing.ok && missing.problems.map((p) => p.rule)).toEqual(["workflow/missing-file"]);
  });

  test("a missing file one edit from a workflow beside it gets a did-you-mean; others do not", () => {
    const store = new WorkflowStore();
    const dir = join(tempWorkflow(fixtureText("ui-basic.json")), "..");
    writeFileSync(join(dir, "SD1.5_lora.json"), fixtureText("ui-basic.json"));
    const typo = store.load(join(dir, "SD1.5_lor.json"));
    expect(!typo.ok && typo.problems[0]!.message).toBe("file not found; did you mean SD1.5_lora.json? save the workflow JSON there or correct the link");
    const elsewhere = store.load(join(dir, "SD1.5_upscaler.json"));
    expect(!elsewhere.ok && elsewhere.problems[0]!.message).toBe("file not found; save the workflow JSON there or correct the link");
  });

  test("each store has its own cache", () => {
    const path = tempWorkflow(fixtureText("ui-basic.json"));
    const a = new WorkflowStore();
    const b = new WorkflowStore();
    a.load(path);
    b.load(path);
    expect([a.counts.parsed, b.counts.parsed]).toEqual([1, 1]);
  });

  test("with results on disk, the next process's store neither parses nor draws an unchanged file", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "store-cache-"));
    const disk = () => new DiskCache<StoreResult>(cacheDir, "workflows", "/project");
    const path = tempWorkflow(fixtureText("ui-basic.json"));
    const first = new WorkflowStore(disk()).load(path);
    const next = new WorkflowStore(disk());
    // All but the preview's SVG, which the drawn file keeps (its hash stands for it).
    const { svg, ...preview } = (first.ok && first.value.preview) || { svg: undefined };
    expect(svg).toMatch(/^<svg /);
    expect(next.load(path)).toEqual(first.ok ? { ok: true, value: { ...first.value, preview } } : first);
    expect(next.counts).toEqual({ parsed: 0, drawn: 0, fromDisk: 1 });
    // Drawn again on request, the same SVG.
    expect(next.drawPreview(path)?.svg).toBe(svg);
    // Problems come from disk as they were found.
    const broken = tempWorkflow(fixtureText("broken-link.json"));
    const problems = new WorkflowStore(disk()).load(broken);
    expect(new WorkflowStore(disk()).load(broken)).toEqual(problems);
    // Another text under the same name is parsed: the key is the file's text.
    writeFileSync(path, fixtureText("api-basic.json"));
    const edited = new WorkflowStore(disk());
    expect(edited.load(path)).toEqual(new WorkflowStore().load(path));
    expect(edited.counts).toEqual({ parsed: 1, drawn: 1, fromDisk: 0 });
    // The entry on disk holds no SVG: a few hundred bytes, not the drawing.
    const entries = readdirSync(join(cacheDir, "workflows"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const entry of entries) expect(readFileSync(join(entry.parentPath, entry.name)).includes("<svg")).toBe(false);
  });

  test("a file read once and then replaced by a symlink out of the project is refused, not served from the cache", () => {
    const root = mkdtempSync(join(tmpdir(), "store-root-"));
    mkdirSync(join(root, "workflows"));
    const path = join(root, "workflows/w.json");
    writeFileSync(path, fixtureText("ui-basic.json"));
    const store = new WorkflowStore();
    expect(store.load(path, root).ok).toBe(true);
    expect(store.load(path, root).ok).toBe(true);
    const outside = tempWorkflow(fixtureText("ui-basic.json"));
    rmSync(path);
    symlinkSync(outside, path);
    const result = store.load(path, root);
    expect(!result.ok && result.problems.map((p) => p.rule)).toEqual(["workflow/outside-project"]);
    expect(store.counts.parsed).toBe(1);
  });
});
