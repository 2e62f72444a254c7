/**
 * Runner: the dev-server rebuild. Starts Eleventy as `npm start` does (run mode "serve",
 * without opening a port), waits for the first build, edits one page `--edits` times and
 * times each rebuild; then switches the same session to `--incremental` (what the flag sets,
 * Eleventy.setIncrementalBuild) and does it again, saving a second first build. After each
 * rebuild the page's HTML (`--written`) must hold the edit, so a rebuild that failed or
 * skipped the page is never timed.
 * `node --import tsx watch.ts --kind ours|bare --root <dir> --output <dir> --page <file> --written <file> --edits <n>`
 */
import { appendFileSync, readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { parseArgs } from "node:util";
import { reportResult } from "../child-process.ts";
import { loadSite, siteKind } from "../site-kinds.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import type { Rebuild } from "../run-bench.ts";

const { values } = parseArgs({
  options: {
    kind: { type: "string" }, root: { type: "string" }, output: { type: "string" }, page: { type: "string" },
    written: { type: "string" }, edits: { type: "string", default: "3" },
  },
});
if (!values.root || !values.output || !values.page || !values.written) {
  throw new Error("--root, --output, --page and --written are required");
}

/**
 * Waits until the watcher has the page's folder. chokidar 4 can report "ready" before its
 * scan reached deeper folders; an edit made earlier is never seen.
 */
async function watcherCovers(file: string, timeoutMs = 120_000): Promise<void> {
  const watcher = (elev as unknown as { watcher: { getWatched(): Record<string, string[]> } }).watcher;
  const deadline = performance.now() + timeoutMs;
  while (!watcher.getWatched()[dirname(file)]?.includes(basename(file))) {
    if (performance.now() > deadline) throw new Error(`the watcher never covered ${file}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let buildStarted = 0;
let onBuilt: ((at: number) => void) | undefined;
const { default: Eleventy } = await import("@11ty/eleventy");
// Ours keeps the search index, as in `npm start`: the first build waits for it, rebuilds do
// not. Bare has none.
const site = await loadSite(siteKind(values.kind), { root: values.root, output: values.output, searchIndex: true });
const elev = new Eleventy(undefined, values.output, {
  quietMode: true,
  configPath: false,
  runMode: "serve",
  config: (eleventyConfig: EleventyConfig) => {
    site.config(eleventyConfig);
    eleventyConfig.on("eleventy.before", () => { buildStarted = performance.now(); });
    // Not eleventy.after: its listeners run in parallel. afterwatch fires once the whole
    // rebuild has settled.
    eleventyConfig.on("eleventy.afterwatch", () => onBuilt?.(performance.now()));
  },
}) as InstanceType<typeof Eleventy> & {
  watch(): Promise<unknown>; stopWatch(): Promise<unknown>; setIncrementalBuild(on: boolean): void;
};
await elev.initializeConfig(site.engines);

const firstStarted = performance.now();
await elev.watch(); // resolves once the first build is written and the watcher is ready
const firstBuildMs = performance.now() - firstStarted;
await watcherCovers(values.page);

/** Edits the page `count` times, one rebuild at a time. */
async function editAndTime(count: number, label: string): Promise<Rebuild[]> {
  const rebuilds: Rebuild[] = [];
  for (let i = 1; i <= count; i++) {
    const built = new Promise<number>((resolve, reject) => {
      onBuilt = resolve;
      setTimeout(() => reject(new Error(`no rebuild within 120 s of ${label} edit ${i}`)), 120_000).unref();
    });
    const marker = `Edit ${i} (${label}) for the rebuild benchmark.`;
    const edited = performance.now();
    appendFileSync(values.page!, `\n\n${marker}\n`);
    const at = await built;
    rebuilds.push({ editToWrittenMs: at - edited, buildMs: at - buildStarted });
    if (!readFileSync(values.written!, "utf8").includes(marker)) {
      throw new Error(`${label} edit ${i}: ${values.written} was not rewritten with the edit`);
    }
    // Let the watcher settle, so one edit never folds into the next rebuild.
    await new Promise((r) => setTimeout(r, 300));
  }
  return rebuilds;
}

const full = await editAndTime(Number(values.edits), "full");
elev.setIncrementalBuild(true);
const incremental = await editAndTime(Number(values.edits), "incremental");
await elev.stopWatch();
reportResult({ firstBuildMs, full, incremental });
process.exit(0);
