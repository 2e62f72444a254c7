/** Writes the Pagefind search index for a built site, one sub-index per `<html lang>`. */
import { readdirSync, readFileSync } from "node:fs";
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

/** What went into the index. */
export interface SearchIndexReport {
  pages: string[];
}

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed: ${errors.join("; ")}`);
}

/**
 * How many pages may be on their way to Pagefind at once. Its service indexes one message
 * at a time, in the order they arrive; with a few queued, it never waits while Node reads
 * and encodes the next page, and memory stays that of a handful of pages.
 */
export const PAGES_IN_FLIGHT = 8;

/**
 * Indexes the searchable pages under `outputDir` into `outputDir/pagefind/`. Pages without
 * `data-pagefind-body` (placeholders for untranslated pages, 404s) are never handed to
 * Pagefind, which would otherwise index whole pages when no page at all has the attribute.
 * Pages are sent in path order, as Pagefind numbers them in the order they arrive: the same
 * site always gives the same index, byte for byte. (`addDirectory` would index in parallel,
 * but in the order the file system lists the folders.)
 */
export async function writeSearchIndex(outputDir: string): Promise<SearchIndexReport> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
  check("createIndex", errors);
  const pages: string[] = [];
  const failures: string[] = [];
  try {
    const inFlight: Promise<void>[] = [];
    for (const file of htmlFiles(outputDir, `pagefind${sep}`)) {
      const content = readFileSync(file, "utf8");
      if (!isSearchable(content)) continue;
      const url = pageUrl(relative(outputDir, file));
      // Every answer is handled as it comes, so a failure is never an unhandled rejection.
      inFlight.push(index!.addHTMLFile({ url, content }).then(
        (added) => void failures.push(...added.errors.map((error) => `indexing ${url}: ${error}`)),
        (error: unknown) => void failures.push(`indexing ${url}: ${String(error)}`),
      ));
      pages.push(url);
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    check("indexing", failures);
    check("writeFiles", (await index!.writeFiles({ outputPath: join(outputDir, "pagefind") })).errors);
  } finally {
    await index!.deleteIndex();
  }
  return { pages };
}

/** Stops Pagefind's indexing process so that Node can exit; it restarts on next use. */
export const closeSearchIndexer = (): Promise<unknown> => pagefind.close();
