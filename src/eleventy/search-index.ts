/** Builds the Pagefind search index after Eleventy has written the pages to disk. */
import { relative } from "node:path";
import {
  closeSearchIndexer, isSearchable, pageUrl, searchIndexerShutDown, writeSearchIndex, type IndexFiles, type SearchIndexReport,
} from "../build/search-index.ts";
import { DiskCache } from "../util/disk-cache.ts";
import type { BuildEvent, EleventyConfig } from "./types.ts";

/**
 * What indexes a built site (`searchable`: its marked pages' URLs, when known; `dev`: for
 * a dev server, which keeps answering meanwhile); the real one unless a test stands in.
 */
export type Indexer = (outputDir: string, searchable?: readonly string[], dev?: boolean) => Promise<Pick<SearchIndexReport, "pages">>;

/**
 * The real indexer. With a cache folder, the index of the last run is kept there (one
 * entry: each run's own cache prunes the others), so a build whose pages did not change
 * does not run Pagefind. Builds and the dev server keep one each (`search`, `search-dev`):
 * `npm start` writes other pages than `npm run build` (the findings banner and markers,
 * its own site URL), so one shared entry would make each the other's miss.
 */
function pagefindIndexer(cache?: { cacheDir: string; root: string }): Indexer {
  return async (outputDir, searchable, dev = false) => {
    const disk = cache && new DiskCache<IndexFiles>(cache.cacheDir, dev ? "search-dev" : "search", cache.root);
    try {
      return await writeSearchIndex(outputDir, { searchable, cache: disk, background: dev });
    } finally {
      disk?.prune();
      await closeSearchIndexer();
    }
  };
}

/** The URLs of the pages a whole build wrote that are searchable, from the HTML it holds: no file is read again. */
function searchableUrls(outputDir: string, results: NonNullable<BuildEvent["results"]>): string[] {
  return results
    .flatMap((r) => (typeof r.outputPath === "string" && r.outputPath.endsWith(".html") && r.content !== undefined && isSearchable(r.content) ? [r.outputPath] : []))
    .map((path) => pageUrl(relative(outputDir, path)))
    .sort();
}

/**
 * For the other `eleventy.after` listeners of a build: resolves once the search index's
 * listener has run up to its first wait. Eleventy starts every listener at once, and each
 * runs until it first waits; a build's search listener reads the pages and starts Pagefind
 * before it does, so work awaited behind this (the cache's writes, published files) runs
 * while Pagefind indexes, not before it starts.
 */
export const afterPagefindStarts = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function warnIfEmpty({ pages }: Pick<SearchIndexReport, "pages">): void {
  if (pages.length === 0) console.warn("[search] no page has data-pagefind-body; the search index is empty");
}

/**
 * Runs at most one indexing at a time. A request while one runs is remembered and served
 * by one more run when it ends, however many requests came in between: the last edit is
 * always indexed, and a burst of saves costs two runs, not one each.
 */
export class IndexQueue {
  #running: Promise<void> | undefined;
  #pending = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `quietMs`: how long `schedule` waits for the requests to stop. */
  constructor(
    private readonly run: () => Promise<void>,
    private readonly quietMs = 0,
  ) {}

  /** Asks for an indexing now; resolves when one that started after this call has ended. */
  request(): Promise<void> {
    if (this.#running) {
      // The loop below runs once more before #running settles.
      this.#pending = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#pending = false;
        await this.run();
      } while (this.#pending);
      this.#running = undefined;
    })();
    return this.#running;
  }

  /** Drops a scheduled indexing that has not started: a rebuild began, so edits go on. */
  postpone(): void {
    clearTimeout(this.#timer);
  }

  /** Asks for an indexing once `quietMs` pass without another `schedule` or a `postpone`. */
  schedule(): void {
    clearTimeout(this.#timer);
    // unref: a scheduled indexing never keeps a finished process alive.
    this.#timer = setTimeout(() => void this.request(), this.quietMs).unref();
  }
}

/** Under `--serve`, the search index catches up once edits pause for this long. */
export const DEV_REINDEX_QUIET_MS = 2000;

/**
 * A production build (and tests' `write()`) indexes after every page is written, and a
 * Pagefind error fails it. Under `--serve`/`--watch` the first build is indexed before the
 * server starts; after that the index is rebuilt in the background once no rebuild has
 * run for `quietMs`, so a rebuild and the browser's reload never wait for Pagefind, whose
 * run is linear in the site's size. Dev-mode errors are printed and the server goes on.
 */
export default function searchIndexPlugin(
  eleventyConfig: EleventyConfig,
  options: { indexer?: Indexer; quietMs?: number; cacheDir?: string; root?: string } = {},
): void {
  const { cacheDir, root } = options;
  const indexer = options.indexer ?? pagefindIndexer(cacheDir === undefined || root === undefined ? undefined : { cacheDir, root });
  let queue: IndexQueue | undefined;
  // A rebuild that starts before the quiet time is over pushes the indexing past its end:
  // Pagefind never competes with a rebuild for the CPU.
  eleventyConfig.on("eleventy.before", () => queue?.postpone());
  eleventyConfig.on("eleventy.after", async ({ runMode, outputMode, directories, results }: BuildEvent) => {
    if (outputMode !== "fs") return;
    if (runMode !== "serve" && runMode !== "watch") {
      // A whole build: its results hold every page it wrote.
      warnIfEmpty(await indexer(directories.output, results && searchableUrls(directories.output, results)));
      return;
    }
    const devIndex = async () => {
      try {
        warnIfEmpty(await indexer(directories.output, undefined, true));
      } catch (error) {
        // Ctrl-C while indexing: the server stopped Pagefind itself.
        if (!searchIndexerShutDown()) console.warn(`[search] indexing failed: ${(error as Error).message}`);
      }
    };
    if (!queue) {
      queue = new IndexQueue(devIndex, options.quietMs ?? DEV_REINDEX_QUIET_MS);
      await queue.request();
    } else {
      queue.schedule();
    }
  });
}
