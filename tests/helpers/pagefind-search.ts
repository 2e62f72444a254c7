/**
 * Runs Pagefind's own browser search script (from a built site's /pagefind/) in Node, to
 * check what readers would find. Pagefind picks its index from `<html lang>` and fetches
 * its files by URL: a stub document gives the language, a stub fetch reads the files.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** One search result as the dialog would show it. */
export interface FoundPage {
  url: string;
  title: string;
  excerpt: string;
}

interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
  search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string; meta: { title?: string }; excerpt: string }> }> }>;
}

/** Searches `query` in the `lang` index of the site at `outputDir`. */
export async function searchSite(outputDir: string, lang: string, query: string): Promise<FoundPage[]> {
  const globals = globalThis as Record<string, unknown>;
  const saved = { document: globals.document, fetch: globals.fetch };
  globals.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
  globals.fetch = async (input: unknown) => {
    const path = String(input).replace(/[?#].*$/, "");
    return new Response(await readFile(join(outputDir, path)));
  };
  try {
    const pagefind = (await import(pathToFileURL(join(outputDir, "pagefind/pagefind.js")).href)) as PagefindModule;
    await pagefind.destroy(); // forget the language of a previous call
    await pagefind.options({ basePath: "/pagefind/" });
    const { results } = await pagefind.search(query);
    const data = await Promise.all(results.map((r) => r.data()));
    return data.map((d) => ({ url: d.url, title: d.meta.title ?? "", excerpt: d.excerpt }));
  } finally {
    Object.assign(globals, saved);
  }
}
