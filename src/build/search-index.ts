/** Writes the Pagefind search index for a built site, one sub-index per `<html lang>`. */
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import * as pagefind from "pagefind";

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

/**
 * The HTML files under `dir`, outside `dir/skip`, in path order. Read as directory entries,
 * which Node 20 lists without a second look at each file: half the time of listing names
 * over an output of a few thousand previews and media files.
 */
function htmlFiles(dir: string, skip: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(dir, file).startsWith(skip))
    .sort();
}

/** The files among `files` (in their order) that {@link isSearchable}, read a batch at a time without holding the event loop. */
async function searchablePages(files: readonly string[]): Promise<string[]> {
  const marked: string[] = [];
  for (let at = 0; at < files.length; at += SCAN_BATCH) {
    const batch = files.slice(at, at + SCAN_BATCH);
    const texts = await Promise.all(batch.map((file) => readFile(file, "utf8")));
    batch.forEach((file, i) => isSearchable(texts[i]!) && marked.push(file));
  }
  return marked;
}

/** Files read at once by {@link searchablePages}. */
const SCAN_BATCH = 32;

/** What went into the index. */
export interface SearchIndexReport {
  pages: string[];
}

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed: ${errors.join("; ")}`);
}

/**
 * Indexes the searchable pages under `outputDir` into `outputDir/pagefind/` (`searchable`:
 * their URLs, when the caller knows them; else they are found by reading the pages). Pagefind reads
 * the folder itself, in parallel (`addDirectory`, as its CLI does): handing it one page at a
 * time took half as long again, since its service indexes messages one after another. It
 * skips pages without `data-pagefind-body` (placeholders for untranslated pages, 404s) as
 * long as one page has it; when none has, nothing is indexed, where Pagefind would take
 * whole pages. The same folder always gives the same index, byte for byte; page numbers
 * follow the order the file system lists the files in, so another file system may number
 * them otherwise.
 */
export async function writeSearchIndex(outputDir: string, searchable?: readonly string[]): Promise<SearchIndexReport> {
  let index = await newIndex();
  try {
    const adding = index.addDirectory({ path: outputDir, glob: "**/*.html" });
    // Unless the caller knows them (a whole build's results), Pagefind works in its own
    // process while Node lists what it will find, a few files at a time: under `npm start`
    // this runs in the background, and the server keeps answering.
    const pages = searchable
      ? [...searchable]
      : (await searchablePages(htmlFiles(outputDir, `pagefind${sep}`))).map((file) => pageUrl(relative(outputDir, file)));
    check("indexing", (await adding).errors);
    if (pages.length === 0) {
      // Pagefind indexed whole pages: an empty index instead, so the search box still loads.
      await index.deleteIndex();
      index = await newIndex();
    }
    check("writeFiles", (await index.writeFiles({ outputPath: join(outputDir, "pagefind") })).errors);
    return { pages };
  } finally {
    await index.deleteIndex();
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
