/** Writes the Pagefind search index for a built site, one sub-index per `<html lang>`. */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import * as pagefind from "pagefind";
import type { DiskCache } from "../util/disk-cache.ts";
import { readIfPresent } from "../util/read-if-present.ts";
import { linkOrCopy } from "./published-files.ts";

/**
 * Parts of an article that are not its text: the table of contents, workflow blocks (their
 * JSON is never inline, but their labels would match every search for "workflow"), heading
 * anchors' "#", and any nav. `data-pagefind-ignore` works too.
 */
export const EXCLUDED_SELECTORS = ["[data-toc]", ".toc", ".workflow-block", ".heading-anchor", "nav"];

/** Only pages whose layout marks the article with `data-pagefind-body` are searchable. */
export function isSearchable(html: string): boolean {
  return /<[a-z][^>]*\sdata-pagefind-body[\s=>/]/i.test(html);
}

/** The URL a file is served at: `ja/a/index.html` → `/ja/a/`. */
export function pageUrl(relativePath: string): string {
  const path = relativePath.split(sep).join("/");
  return "/" + path.replace(/(^|\/)index\.html$/, "$1");
}

/** The folder under the output that holds the index; a new index is written beside it, then swapped in. */
const INDEX_FOLDER = "pagefind";

/**
 * The HTML files under `dir`, outside `dir/skip`, in path order, symbolic links included
 * (Pagefind reads what they point to). Read as directory entries, which Node 20 lists
 * without a second look at each file: half the time of listing names over an output of a
 * few thousand previews and media files.
 */
function htmlFiles(dir: string, skip: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(dir, file).startsWith(skip))
    .sort();
}

/** Files read at once by {@link readPages} in the background. */
const READ_BATCH = 32;

/**
 * What Pagefind will read from `outputDir`: a hash of every HTML file's path and bytes, and
 * the URLs of the searchable ones (`known`, when the caller has them). In the `background`
 * (under `npm start`) the files are read a batch at a time without holding the event loop,
 * so the server keeps answering; a build reads them at once, and Pagefind starts sooner.
 */
async function readPages(outputDir: string, known: readonly string[] | undefined, background: boolean): Promise<{ digest: string; searchable: string[] }> {
  const hash = createHash("sha1");
  const searchable = known ? [...known] : [];
  const take = (file: string, bytes: Buffer | undefined) => {
    const path = relative(outputDir, file);
    // A link to nothing (or to a folder) is named in the hash, as Pagefind finds it.
    if (!bytes) return void hash.update(`${Buffer.byteLength(path)}:${path}\0unreadable\0`);
    hash.update(`${Buffer.byteLength(path)}:${path}\0${bytes.byteLength}:`).update(bytes);
    if (!known && isSearchable(bytes.toString("utf8"))) searchable.push(pageUrl(path));
  };
  const files = htmlFiles(outputDir, `${INDEX_FOLDER}${sep}`);
  if (!background) {
    for (const file of files) take(file, readIfPresent(file));
  } else {
    for (let at = 0; at < files.length; at += READ_BATCH) {
      const batch = files.slice(at, at + READ_BATCH);
      const texts = await Promise.all(batch.map((file) => readFile(file).catch(() => undefined)));
      batch.forEach((file, i) => take(file, texts[i]));
    }
  }
  return { digest: hash.digest("hex"), searchable };
}

/** An index as it was written: each file's path under {@link INDEX_FOLDER} and its bytes, in path order. */
export type IndexFiles = Array<[path: string, bytes: Uint8Array]>;

/**
 * Whether every path of a kept index is one Pagefind writes: relative, in `/`-separated
 * names of letters, digits, `.`, `_` and `-`, none of them `..`. An entry that fails
 * (damaged, or planted in a restored cache) is a miss, never written outside the index.
 */
function plausibleIndex(files: IndexFiles): boolean {
  return Array.isArray(files) && files.every(([path, bytes]) =>
    typeof path === "string" && bytes instanceof Uint8Array &&
    path.split("/").every((name) => /^[\w.-]+$/.test(name) && name !== "." && name !== ".."));
}

/** What went into the index. */
export interface SearchIndexReport {
  pages: string[];
  /** True when the index was the one kept for exactly these pages, and Pagefind did not run. */
  reused: boolean;
}

/** How {@link writeSearchIndex} is run. */
export interface SearchIndexOptions {
  /** The URLs of the searchable pages, when the caller knows them (a whole build's results). */
  searchable?: readonly string[];
  /**
   * Indexes kept between runs, keyed by the HTML they were made from: a build whose pages
   * are byte for byte those of the last index gets that index back without running
   * Pagefind. One entry is kept; an untrusted (committed) cache is never read.
   */
  cache?: DiskCache<IndexFiles>;
  /** Reads the pages without holding the event loop for long: a dev server's indexing, while it answers requests. */
  background?: boolean;
}

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed: ${errors.join("; ")}`);
}

/**
 * Indexes the searchable pages under `outputDir` into `outputDir/pagefind/`. Pagefind
 * reads the folder itself, in parallel (`addDirectory`, as its CLI does): handing it one
 * page at a time took half as long again, since its service indexes messages one after
 * another. It skips pages without `data-pagefind-body` (placeholders for untranslated
 * pages, 404s) as long as one page has it; when none has, nothing is indexed, where
 * Pagefind would take whole pages. The same pages always give the same index, byte for
 * byte; page numbers follow the order the file system lists the files in, so another file
 * system may number them otherwise (a kept index keeps its numbers).
 *
 * The index is written into a folder of its own and then takes the place of the old one:
 * nothing an earlier index wrote is left behind (Pagefind itself overwrites, and keeps
 * files it did not write again), and a dev server never serves half an index.
 */
export async function writeSearchIndex(outputDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexReport> {
  const { cache, background = false } = options;
  const staging = join(outputDir, `.${INDEX_FOLDER}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    // With a cache, the pages are read first: their hash is the kept index's key.
    const read = cache && (await readPages(outputDir, options.searchable, background));
    const key = read && cache.keyOf(read.digest);
    const kept = key ? cache.get(key) : undefined;
    let report: SearchIndexReport;
    if (kept && plausibleIndex(kept)) {
      writeIndexFiles(staging, kept);
      report = { pages: read!.searchable, reused: true };
    } else {
      const searchable = read?.searchable ?? options.searchable;
      report = { pages: await runPagefind(outputDir, staging, searchable, background), reused: false };
      // Under a dev server a rebuild may have written pages while Pagefind read them: the
      // index is kept only under the key of the pages it was made from.
      const unchanged = !background || (read && (await readPages(outputDir, searchable, true)).digest === read.digest);
      if (key && unchanged) cache.set(key, readIndexFiles(staging));
    }
    const target = join(outputDir, INDEX_FOLDER);
    // A tab open under a dev server may still ask for the older index's files by name.
    if (background) keepOlderFiles(target, staging);
    swapIn(staging, target);
    return report;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Pagefind over the HTML under `outputDir`, its index written to `into`; the searchable pages' URLs. */
async function runPagefind(outputDir: string, into: string, searchable: readonly string[] | undefined, background: boolean): Promise<string[]> {
  let index = await newIndex();
  try {
    const adding = index.addDirectory({ path: outputDir, glob: "**/*.html" });
    // Unless the caller knows them, Pagefind works in its own process while Node lists what it will find.
    const pages = searchable ? [...searchable] : (await readPages(outputDir, undefined, background)).searchable;
    check("indexing", (await adding).errors);
    if (pages.length === 0) {
      // Pagefind indexed whole pages: an empty index instead, so the search box still loads.
      await index.deleteIndex();
      index = await newIndex();
    }
    check("writeFiles", (await index.writeFiles({ outputPath: into })).errors);
    return pages;
  } finally {
    await index.deleteIndex();
  }
}

/** The files under `dir`, `/`-separated paths relative to it, in path order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

function readIndexFiles(dir: string): IndexFiles {
  return filesUnder(dir).map((path): [string, Uint8Array] => [path, readFileSync(join(dir, path))]);
}

/**
 * Links into `staging` each file of the index at `target` that the new one does not have:
 * Pagefind names its chunks by their content, and a page whose search started on the older
 * index (an open tab under `npm start`) fetches those names until it reloads. As Pagefind
 * itself did when it wrote over the old folder, they stay until `npm start` empties the
 * output at its next start.
 */
function keepOlderFiles(target: string, staging: string): void {
  let older: string[];
  try {
    older = filesUnder(target);
  } catch {
    return; // no index yet
  }
  const written = new Set(filesUnder(staging));
  for (const path of older) if (!written.has(path)) linkOrCopy(join(target, path), join(staging, path));
}

function writeIndexFiles(dir: string, files: IndexFiles): void {
  const made = new Set<string>();
  for (const [path, bytes] of files) {
    const target = join(dir, path);
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(target, bytes);
  }
}

/**
 * Puts the folder `staging` at `target`: the old one moves aside and is gone once the new
 * one is in; when the new one cannot be put there, the old one goes back.
 */
function swapIn(staging: string, target: string): void {
  const old = `${staging}-old`;
  // Left by a run of the same process id that was stopped on its way.
  rmSync(old, { recursive: true, force: true });
  let moved = false;
  try {
    renameSync(target, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    if (moved) renameSync(old, target);
    throw error;
  }
  try {
    rmSync(old, { recursive: true, force: true });
  } catch {
    // A file held open (Windows): it goes with the next swap of this process id, or the output.
  }
}

async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
  check("createIndex", errors);
  return index!;
}

/** Stops Pagefind's indexing process so that Node can exit; it restarts on next use. */
export const closeSearchIndexer = (): Promise<unknown> => pagefind.close();

let shutDown = false;

/** Stops Pagefind for good, as the process exits: an indexing it cuts short is no failure to report. */
export function shutDownSearchIndexer(): Promise<unknown> {
  shutDown = true;
  return closeSearchIndexer();
}

/** Whether {@link shutDownSearchIndexer} ran. */
export const searchIndexerShutDown = (): boolean => shutDown;
