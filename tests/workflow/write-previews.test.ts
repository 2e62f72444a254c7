import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { DiskCache } from "../../src/util/disk-cache.ts";
import { WorkflowStore, type StoreResult } from "../../src/workflow/workflow-store.ts";
import { PreviewRecord, writePreviews } from "../../src/workflow/write-previews.ts";
import { fixturesRoot } from "./fixture-files.ts";

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("writePreviews", () => {
  test("writes one SVG per valid workflow, mirroring the folders, and no temporary files", () => {
    const root = mkdtempSync(join(tmpdir(), "previews-root-"));
    cpSync(join(fixturesRoot, "workflows"), join(root, "workflows/nested"), { recursive: true });
    const out = mkdtempSync(join(tmpdir(), "previews-out-"));
    const store = new WorkflowStore();
    writePreviews(store, root, out);
    expect(listFiles(out)).toEqual([
      "workflow-previews.json",
      "workflow-previews/nested/api-basic.svg",
      "workflow-previews/nested/custom-node.svg",
      "workflow-previews/nested/group-node.svg",
      "workflow-previews/nested/groups.svg",
      "workflow-previews/nested/hostile.svg",
      "workflow-previews/nested/models-subgraph.svg",
      "workflow-previews/nested/no-extra.svg",
      "workflow-previews/nested/stale-link.svg",
      "workflow-previews/nested/subgraph.svg",
      "workflow-previews/nested/ui-basic.svg",
    ]);
    const svg = readFileSync(join(out, "workflow-previews/nested/ui-basic.svg"), "utf8");
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg).toBe(store.drawPreview(join(root, "workflows/nested/ui-basic.json"))!.svg);
  });

  test("with a shared store, files already read are neither parsed nor drawn again", () => {
    const root = mkdtempSync(join(tmpdir(), "previews-root-"));
    cpSync(join(fixturesRoot, "workflows/ui-basic.json"), join(root, "workflows/ui-basic.json"));
    const store = new WorkflowStore();
    store.load(join(root, "workflows/ui-basic.json"));
    const out = mkdtempSync(join(tmpdir(), "previews-out-"));
    writePreviews(store, root, out);
    writePreviews(store, root, out);
    expect(store.counts).toEqual({ parsed: 1, drawn: 1, fromDisk: 0 });
  });

  test("between rebuilds (a kept record of what was written) an unchanged preview is left alone, a deleted one written again", () => {
    const root = mkdtempSync(join(tmpdir(), "previews-root-"));
    cpSync(join(fixturesRoot, "workflows/ui-basic.json"), join(root, "workflows/ui-basic.json"));
    const out = mkdtempSync(join(tmpdir(), "previews-out-"));
    const store = new WorkflowStore();
    const record = new PreviewRecord(out);
    const [path] = writePreviews(store, root, out, record);
    const before = statSync(path!).mtimeMs;
    writePreviews(store, root, out, record);
    expect(statSync(path!).mtimeMs).toBe(before);
    rmSync(path!);
    writePreviews(store, root, out, record);
    expect(readFileSync(path!, "utf8")).toBe(store.drawPreview(join(root, "workflows/ui-basic.json"))!.svg);
  });

  describe("the next process, from results on disk that leave the SVG to the drawn file", () => {
    const setUp = () => {
      const root = mkdtempSync(join(tmpdir(), "previews-root-"));
      cpSync(join(fixturesRoot, "workflows/ui-basic.json"), join(root, "workflows/ui-basic.json"));
      const out = mkdtempSync(join(tmpdir(), "previews-out-"));
      const cacheDir = mkdtempSync(join(tmpdir(), "previews-cache-"));
      const store = () => new WorkflowStore(new DiskCache<StoreResult>(cacheDir, "workflows", root));
      const [path] = writePreviews(store(), root, out);
      return { root, out, store, path: path!, svg: readFileSync(path!, "utf8") };
    };

    test("neither parses, draws nor rewrites an unchanged preview", () => {
      const { root, out, store, path } = setUp();
      const before = statSync(path).mtimeMs;
      const next = store();
      expect(writePreviews(next, root, out)).toEqual([path]);
      expect(next.counts).toEqual({ parsed: 0, drawn: 0, fromDisk: 1 });
      expect(statSync(path).mtimeMs).toBe(before);
    });

    test("draws a preview again when its file is gone or was rewritten since", () => {
      const { root, out, store, path, svg } = setUp();
      rmSync(path);
      const next = store();
      writePreviews(next, root, out);
      expect(readFileSync(path, "utf8")).toBe(svg);
      expect(next.counts.drawn).toBe(1);
      writeFileSync(path, svg.replace("<title>", "<title>x"));
      writePreviews(store(), root, out);
      expect(readFileSync(path, "utf8")).toBe(svg);
    });
  });

  test("an unchanged preview is not rewritten; a root without workflows/ writes nothing", () => {
    const root = mkdtempSync(join(tmpdir(), "previews-root-"));
    cpSync(join(fixturesRoot, "workflows/ui-basic.json"), join(root, "workflows/ui-basic.json"));
    const out = mkdtempSync(join(tmpdir(), "previews-out-"));
    const store = new WorkflowStore();
    const [path] = writePreviews(store, root, out);
    const before = statSync(path!).mtimeMs;
    writePreviews(store, root, out);
    expect(statSync(path!).mtimeMs).toBe(before);
    expect(writePreviews(store, mkdtempSync(join(tmpdir(), "empty-")), mkdtempSync(join(tmpdir(), "previews-out-")))).toEqual([]);
  });

  test("the folder mirrors the workflows: a deleted or broken workflow's preview goes, and its emptied folder", () => {
    const root = mkdtempSync(join(tmpdir(), "previews-root-"));
    cpSync(join(fixturesRoot, "workflows/ui-basic.json"), join(root, "workflows/a/ui-basic.json"));
    cpSync(join(fixturesRoot, "workflows/ui-basic.json"), join(root, "workflows/b/kept.json"));
    cpSync(join(fixturesRoot, "workflows/ui-basic.json"), join(root, "workflows/b/broken.json"));
    const out = mkdtempSync(join(tmpdir(), "previews-out-"));
    const store = new WorkflowStore();
    const record = new PreviewRecord(out);
    writePreviews(store, root, out, record);
    expect(listFiles(out)).toEqual(["workflow-previews.json", "workflow-previews/a/ui-basic.svg", "workflow-previews/b/broken.svg", "workflow-previews/b/kept.svg"]);
    rmSync(join(root, "workflows/a"), { recursive: true });
    writeFileSync(join(root, "workflows/b/broken.json"), "{ not json");
    expect(writePreviews(store, root, out, record)).toEqual([join(out, "workflow-previews/b/kept.svg")]);
    expect(listFiles(out)).toEqual(["workflow-previews.json", "workflow-previews/b/kept.svg"]);
    expect(existsSync(join(out, "workflow-previews/a"))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(out, "workflow-previews.json"), "utf8")))).toEqual([join(out, "workflow-previews/b/kept.svg")]);
  });
});
