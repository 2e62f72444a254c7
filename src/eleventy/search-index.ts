/** Builds the Pagefind index after a production build has written every page. */
import { closeSearchIndexer, writeSearchIndex } from "../build/search-index.ts";
import type { EleventyConfig } from "./types.ts";

interface BuildEvent {
  runMode?: string;
  outputMode?: string;
  directories: { output: string };
}

/**
 * Runs whenever pages are written to disk: `npm run build`, tests' `write()`, and each
 * rebuild under `--serve` (indexing this site takes well under a second). A Pagefind
 * error fails a production build; under `--serve` it is printed and the server goes on.
 */
export default function searchIndexPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ runMode, outputMode, directories }: BuildEvent) => {
    if (outputMode !== "fs") return;
    try {
      const { pages } = await writeSearchIndex(directories.output);
      if (pages.length === 0) console.warn("[search] no page has data-pagefind-body; the search index is empty");
    } catch (error) {
      if (runMode !== "serve" && runMode !== "watch") throw error;
      console.warn(`[search] indexing failed: ${(error as Error).message}`);
    } finally {
      await closeSearchIndexer();
    }
  });
}
