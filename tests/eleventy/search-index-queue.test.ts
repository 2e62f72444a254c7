import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import searchIndexPlugin, { afterPagefindStarts, IndexQueue } from "../../src/eleventy/search-index.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { shutDownSearchIndexer } from "../../src/build/search-index.ts";

/** A promise and the function that settles it, to hold an indexing mid-run. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("IndexQueue", () => {
  test("schedule waits for the requests to pause, then runs once", async () => {
    vi.useFakeTimers();
    let runs = 0;
    const queue = new IndexQueue(async () => {
      runs++;
    }, 1000);
    queue.schedule();
    await vi.advanceTimersByTimeAsync(900);
    queue.schedule();
    await vi.advanceTimersByTimeAsync(900);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(1);
  });

  test("requests during a run are served by one more run, not one each", async () => {
    const gates = [gate(), gate()];
    let runs = 0;
    const queue = new IndexQueue(async () => {
      await gates[runs++]!.promise;
    });
    const first = queue.request();
    const second = queue.request();
    const third = queue.request();
    expect(runs).toBe(1);
    gates[0]!.open();
    await Promise.resolve();
    gates[1]!.open();
    await Promise.all([first, second, third]);
    expect(runs).toBe(2);
  });

  test("a request after the queue went idle starts a new run", async () => {
    let runs = 0;
    const queue = new IndexQueue(async () => {
      runs++;
    });
    await queue.request();
    await queue.request();
    expect(runs).toBe(2);
  });
});

type After = (event: { runMode?: string; outputMode?: string; directories: { output: string } }) => Promise<void>;

/** The plugin's eleventy.after handler, with an indexer that waits for `release`. */
function pluginWithHeldIndexer(quietMs = 0) {
  let after!: After;
  let before!: () => void;
  const config = {
    on: (name: string, fn: After & (() => void)) => {
      if (name === "eleventy.after") after = fn;
      if (name === "eleventy.before") before = fn;
    },
  } as unknown as EleventyConfig;
  const calls: string[] = [];
  let release = gate();
  searchIndexPlugin(config, {
    quietMs,
    indexer: async (dir) => {
      calls.push(dir);
      await release.promise;
      return { pages: ["/ja/"] };
    },
  });
  const event = (runMode: string) => ({ runMode, outputMode: "fs", directories: { output: "/out" } });
  return { after, before, calls, event, release: () => release.open(), rearm: () => (release = gate()) };
}

describe("search index plugin", () => {
  test("a production build waits for the index", async () => {
    const p = pluginWithHeldIndexer();
    let done = false;
    const build = p.after(p.event("build")).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    p.release();
    await build;
    expect(p.calls).toEqual(["/out"]);
  });

  test("under --serve the first build waits for the index; rebuilds re-index in the background once edits pause", async () => {
    vi.useFakeTimers();
    const p = pluginWithHeldIndexer(1000);
    p.release();
    await p.after(p.event("serve"));
    expect(p.calls).toHaveLength(1);

    p.rearm();
    // Two rebuilds in a row: the handlers return at once, and nothing is indexed yet.
    await p.after(p.event("serve"));
    await p.after(p.event("serve"));
    expect(p.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    // One re-index for both, still held by the indexer: the rebuild did not wait for it.
    expect(p.calls).toHaveLength(2);
    p.release();
  });

  test("a rebuild that starts within the quiet time pushes the re-index past its end", async () => {
    vi.useFakeTimers();
    const p = pluginWithHeldIndexer(1000);
    p.release();
    await p.after(p.event("serve"));
    await p.after(p.event("serve"));
    await vi.advanceTimersByTimeAsync(600);
    // The next rebuild runs from 600 ms to 2,600 ms: longer than the quiet time.
    p.before();
    await vi.advanceTimersByTimeAsync(2000);
    expect(p.calls).toHaveLength(1);
    await p.after(p.event("serve"));
    await vi.advanceTimersByTimeAsync(999);
    expect(p.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.calls).toHaveLength(2);
  });

  test("nothing is indexed when pages are not written to disk", async () => {
    const p = pluginWithHeldIndexer();
    await p.after({ runMode: "build", outputMode: "json", directories: { output: "/out" } });
    expect(p.calls).toEqual([]);
  });
});

describe("search index plugin when the server stops", () => {
  test("a dev indexing that fails is reported, unless the process stopped Pagefind on its way out", async () => {
    let after!: After;
    const config = { on: (name: string, fn: After) => name === "eleventy.after" && (after = fn) } as unknown as EleventyConfig;
    searchIndexPlugin(config, { indexer: async () => { throw new Error("Pagefind backend closed"); } });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const event = { runMode: "serve", outputMode: "fs", directories: { output: "/out" } };
    await after(event);
    expect(warn).toHaveBeenCalledWith("[search] indexing failed: Pagefind backend closed");
    warn.mockClear();
    await shutDownSearchIndexer();
    searchIndexPlugin(config, { indexer: async () => { throw new Error("Pagefind backend closed"); } });
    await after(event);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe("search index plugin: a whole build", () => {
  test("hands the indexer the searchable pages of the build's results, so no page is read again", async () => {
    let after!: (event: unknown) => Promise<void>;
    const config = { on: (name: string, fn: typeof after) => name === "eleventy.after" && (after = fn) } as unknown as EleventyConfig;
    const seen: Array<readonly string[] | undefined> = [];
    searchIndexPlugin(config, { indexer: async (_dir, searchable) => (seen.push(searchable), { pages: ["/en/a/"] }) });
    const results = [
      { outputPath: "/out/en/b/index.html", content: `<html><body><article data-pagefind-body>B</article></body></html>` },
      { outputPath: "/out/en/a/index.html", content: `<html><body><main data-pagefind-body>A</main></body></html>` },
      { outputPath: "/out/en/untranslated/index.html", content: `<html><body><p>A placeholder</p></body></html>` },
      { outputPath: "/out/sitemap.xml", content: `<urlset data-pagefind-body></urlset>` },
      { outputPath: false, content: "<p data-pagefind-body>not written</p>" },
    ];
    await after({ runMode: "build", outputMode: "fs", directories: { output: "/out" }, results });
    expect(seen).toEqual([["/en/a/", "/en/b/"]]);
  });
});

describe("search index plugin with a cache folder", () => {
  test("builds and the dev server each keep their last index: neither makes the other run Pagefind again", async () => {
    const root = mkdtempSync(join(tmpdir(), "search-plugin-"));
    const output = join(root, "_site");
    mkdirSync(join(output, "en/a"), { recursive: true });
    writeFileSync(join(output, "en/a/index.html"), `<html lang="en"><body><article data-pagefind-body><h1>A</h1><p>Nodes</p></article></body></html>`);
    const handlers: Array<(event: unknown) => Promise<void>> = [];
    const config = { on: (name: string, fn: (event: unknown) => Promise<void>) => name === "eleventy.after" && handlers.push(fn) } as unknown as EleventyConfig;
    const cacheDir = join(root, ".cache");
    const run = async (runMode: string) => {
      handlers.length = 0;
      searchIndexPlugin(config, { cacheDir, root, quietMs: 0 });
      await handlers[0]!({ runMode, outputMode: "fs", directories: { output } });
    };
    const kept = (namespace: string) =>
      existsSync(join(cacheDir, namespace)) ? readdirSync(join(cacheDir, namespace), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
    /** When the build's entry was last written: a run that finds it writes nothing. */
    const writtenAt = () => statSync(join(cacheDir, "search", built[0]!.slice(0, 2), built[0]!)).mtimeMs;
    await run("build");
    const built = kept("search");
    expect(built).toHaveLength(1);
    const first = writtenAt();
    await run("serve");
    expect(kept("search-dev")).toHaveLength(1);
    expect(kept("search")).toEqual(built);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await run("build");
    expect(kept("search")).toEqual(built);
    expect(writtenAt()).toBe(first);
  });
});

describe("afterPagefindStarts", () => {
  test("a listener started earlier waits until a later one has run up to the I/O it waits on", async () => {
    const events: string[] = [];
    // As Eleventy emits eleventy.after: every listener at once, in the order they were added.
    const cacheWrites = async () => {
      await afterPagefindStarts();
      events.push("cache written");
    };
    const search = async () => {
      events.push("pages read");
      await Promise.resolve(); // an await on work already done, as a resolved promise
      events.push("Pagefind started");
      await new Promise((resolve) => setTimeout(resolve, 5)); // Pagefind indexing, in its own process
      events.push("indexed");
    };
    await Promise.all([cacheWrites(), search()]);
    expect(events).toEqual(["pages read", "Pagefind started", "cache written", "indexed"]);
  });
});
