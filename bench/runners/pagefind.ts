/**
 * Runner: the site's own search indexing step (src/build/search-index.ts: Pagefind over
 * the pages marked `data-pagefind-body`) on a built site, timed on its own.
 * `node --import tsx pagefind.ts --site <dir>`; the index is written to `<dir>/pagefind/`.
 */
import { parseArgs } from "node:util";
import { reportResult } from "../child-process.ts";

const { values } = parseArgs({ options: { site: { type: "string" } } });
if (!values.site) throw new Error("--site is required");

const started = performance.now();
const { writeSearchIndex, closeSearchIndexer } = await import("../../src/build/search-index.ts");
const { pages } = await writeSearchIndex(values.site);
const ms = performance.now() - started;
// Closing waits for the Pagefind binary to exit, so GNU time sees its peak memory too.
await closeSearchIndexer();
reportResult({ ms, pages: pages.length });
