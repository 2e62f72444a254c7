/**
 * Results kept on disk between runs (src/util/disk-cache.ts): a second check or build of a
 * site renders only the pages whose input changed, parses only the workflows that changed,
 * and always finds and renders exactly what a run from nothing does.
 */
import { cpSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { execFileSync } from "node:child_process";
import { deserialize, serialize } from "node:v8";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { checkSite } from "../../src/check/check-site.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { BodyRenderer, type RenderedBody } from "../../src/markdown/render-body.ts";
import { DiskCache } from "../../src/util/disk-cache.ts";
import { WorkflowStore, type StoreResult } from "../../src/workflow/workflow-store.ts";
import { buildSite } from "../../src/cli/build-site.ts";
import { TEST_SITE_URL } from "../helpers/eleventy.ts";

const clean = fileURLToPath(new URL("corpus-clean/", import.meta.url));

let root: string;
let cacheDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "disk-cache-site-"));
  cpSync(clean, root, { recursive: true, filter: (source) => !source.includes("/.cache") });
  cacheDir = mkdtempSync(join(tmpdir(), "disk-cache-dir-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

/** One check of the site, as a new process runs it: with the results on disk, or from nothing. */
function run(withDisk: boolean, dir = cacheDir) {
  const workflows = new WorkflowStore(withDisk ? new DiskCache<StoreResult>(dir, "workflows", root) : undefined);
  const bodies = new BodyRenderer(createMarkdown({ root, workflows }), withDisk ? new DiskCache<RenderedBody>(dir, "bodies", root) : undefined);
  const { model, diagnostics } = checkSite({ root, contentDir: "content", bodies, workflows });
  const rendered = new Map(model.pages.map((page) => [page.file, page.body]));
  return { diagnostics, rendered, bodies: bodies.counts, workflows: workflows.counts };
}

/** The run from disk finds and renders what a run from nothing does. */
function expectSameAsFresh(cached: ReturnType<typeof run>): void {
  const fresh = run(false);
  expect(cached.diagnostics).toEqual(fresh.diagnostics);
  expect(cached.rendered).toEqual(fresh.rendered);
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), "utf8")));

describe("results kept on disk", () => {
  test("the next run renders no page and parses no workflow, and its results are a fresh run's", () => {
    const first = run(true);
    expect(first.bodies.rendered).toBe(first.rendered.size);
    const second = run(true);
    expect(second.bodies).toEqual({ rendered: 0, reused: first.rendered.size });
    expect(second.workflows).toEqual({ parsed: 0, drawn: 0, fromDisk: 1 });
    expectSameAsFresh(second);
  });

  test("an edited page is rendered again, alone, with its new problems", () => {
    run(true);
    edit("content/ja/about.md", (text) => `${text}\n## A {#dup}\n\n## B {#dup}\n\n[broken](/ja/nope/)\n`);
    const next = run(true);
    expect(next.bodies.rendered).toBe(1);
    expect(next.diagnostics.filter((d) => d.file === "content/ja/about.md").map((d) => d.rule).sort()).toEqual(["heading/duplicate-id", "links/broken"]);
    expectSameAsFresh(next);
  });

  test("a changed workflow renders every page again: the blocks that show it are right", () => {
    run(true);
    const file = "workflows/guides/first/flow.json";
    const workflow = JSON.parse(readFileSync(join(root, file), "utf8"));
    workflow.nodes[0].title = "名前を変えたノード";
    writeFileSync(join(root, file), JSON.stringify(workflow));
    const next = run(true);
    expect(next.bodies.reused).toBe(0);
    expect(next.workflows.parsed).toBe(1);
    const page = [...next.rendered.values()].find((body) => body?.html.includes("workflow-block"));
    expect(page?.html).toBeDefined();
    expectSameAsFresh(next);
  });

  test("a workflow made invalid is reported from a run on disk as from nothing", () => {
    run(true);
    writeFileSync(join(root, "workflows/guides/first/flow.json"), "{ not json");
    const next = run(true);
    expect(next.diagnostics.some((d) => d.severity === "error" && d.rule.startsWith("workflow/"))).toBe(true);
    expectSameAsFresh(next);
  });

  test("a file the pages read, changed and given back its old modification time, still counts as changed", () => {
    run(true);
    const file = join(root, "workflows/guides/first/flow.json");
    const { atime, mtime } = statSync(file);
    // Same size, same modification time: only the kernel's change time tells.
    writeFileSync(file, readFileSync(file, "utf8").replace('"pos": [400, 0]', '"pos": [900, 0]'));
    utimesSync(file, atime, mtime);
    const next = run(true);
    expect(next.bodies.reused).toBe(0);
    expect(next.workflows.parsed).toBe(1);
    expectSameAsFresh(next);
  });
  test("the same files in new inodes with new times (a fresh clone, with .cache/ restored) render no page again", () => {
    const first = run(true);
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes(".cache"));
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      const bytes = readFileSync(path);
      rmSync(path);
      writeFileSync(path, bytes);
      utimesSync(path, new Date(2030, 0, 1), new Date(2030, 0, 1));
    }
    const next = run(true);
    expect(next.bodies).toEqual({ rendered: 0, reused: first.rendered.size });
    expect(next.workflows.parsed).toBe(0);
    expectSameAsFresh(next);
  });

  test("a workflow touched or hard-linked (the build publishes it so) renders nothing again", () => {
    const first = run(true);
    const file = join(root, "workflows/guides/first/flow.json");
    utimesSync(file, new Date(), new Date());
    linkSync(file, join(cacheDir, "published-flow.json"));
    const next = run(true);
    expect(next.bodies).toEqual({ rendered: 0, reused: first.rendered.size });
  });
});

describe("deferred writes", () => {
  test("a value set is served at once, written only by flush(), and then found by the next process", async () => {
    const cache = new DiskCache<{ n: number }>(cacheDir, "values", root, { deferWrites: true });
    const key = cache.keyOf("a");
    cache.set(key, { n: 1 });
    expect(cache.get(key)).toEqual({ n: 1 });
    const next = () => new DiskCache<{ n: number }>(cacheDir, "values", root);
    expect(next().get(key)).toBeUndefined();
    await cache.flush();
    expect(next().get(key)).toEqual({ n: 1 });
    // Flushed once: a second flush writes nothing again.
    rmSync(join(cacheDir, "values"), { recursive: true });
    await cache.flush();
    expect(next().get(key)).toBeUndefined();
  });
});

describe("a .cache/ that came from the repository", () => {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });

  test("is never read: a committed render with a script in it reaches no page, and the check reports it", () => {
    const dir = join(root, ".cache");
    run(true, dir);
    // Anyone with the sources can compute a key: replace each kept render's HTML with a script.
    const entries = readdirSync(join(dir, "bodies"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const entry of entries) {
      const path = join(entry.parentPath, entry.name);
      const body = deserialize(readFileSync(path)) as RenderedBody;
      writeFileSync(path, serialize({ ...body, html: "<script>alert(1)</script>" }));
    }
    git("init", "-q");
    git("add", "-f", ".cache/bodies");
    const next = run(true, dir);
    expect([...next.rendered.values()].some((body) => body?.html.includes("<script>"))).toBe(false);
    expect(next.bodies.reused).toBe(0);
    // One mistake, one error: at the first file, counting the others.
    const files = entries.map((e) => relative(root, join(e.parentPath, e.name))).sort();
    const reported = next.diagnostics.filter((d) => d.rule === "files/committed-cache");
    expect(reported.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`)).toEqual([`${files[0]}:1:1 error`]);
    expect(reported[0]!.message).toContain(`and ${files.length - 1} more files under .cache/ are tracked by git`);
    expectSameAsFresh(next);
  });
});

describe("npm run build with results on disk", () => {
  const keys = (namespace: string) =>
    readdirSync(join(root, ".cache", namespace), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  const entries = (namespace: string) => keys(namespace).length;

  test("a whole build deletes the results it no longer needs: those of deleted pages", async () => {
    const output = join(root, "_site");
    expect((await buildSite(root, output, { siteUrl: TEST_SITE_URL })).published).toBe(true);
    // One render per page, and one for each body shown at another place (a placeholder's).
    const renders = entries("bodies");
    expect(renders).toBeGreaterThanOrEqual(10);
    expect(entries("workflows")).toBe(1);
    // Deleted, not edited: Eleventy keeps the text of the files it read for the rest of the process.
    for (const lang of ["ja", "en"]) rmSync(join(root, `content/${lang}/about.md`));
    expect((await buildSite(root, output, { siteUrl: TEST_SITE_URL })).published).toBe(true);
    expect(entries("bodies")).toBe(renders - 2);
    expect(entries("workflows")).toBe(1);
  });

  test("the search index of the last build is kept, and only that one", async () => {
    const output = join(root, "_site");
    const index = () => keys("search");
    const indexFiles = () => readdirSync(join(output, "pagefind"), { recursive: true }).map(String).sort();
    expect((await buildSite(root, output, { siteUrl: TEST_SITE_URL })).published).toBe(true);
    const [first] = index();
    const written = indexFiles();
    expect(index()).toHaveLength(1);
    const entryWrittenAt = statSync(join(root, ".cache/search", first!.slice(0, 2), first!)).mtimeMs;
    // Nothing changed: the same entry serves the same files, and is not written again (Pagefind did not run).
    expect((await buildSite(root, output, { siteUrl: TEST_SITE_URL })).published).toBe(true);
    expect(index()).toEqual([first]);
    expect(indexFiles()).toEqual(written);
    expect(statSync(join(root, ".cache/search", first!.slice(0, 2), first!)).mtimeMs).toBe(entryWrittenAt);
    for (const lang of ["ja", "en"]) rmSync(join(root, `content/${lang}/about.md`));
    expect((await buildSite(root, output, { siteUrl: TEST_SITE_URL })).published).toBe(true);
    expect(index()).toHaveLength(1);
    expect(index()).not.toEqual([first]);
  });
});
