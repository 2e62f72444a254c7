/**
 * The benchmark itself: for each corpus size, interleaved whole-process builds (ours with
 * and without search, bare Eleventy followed by the Pagefind CLI), our search step on its
 * own, dev-server rebuilds of ours and bare; then the seed page's weight.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runChild, type ProcessMeasure } from "./child-process.ts";
import { guidePagePath, writeCorpus } from "./corpus.ts";
import { pageUrl, plannedUrls } from "./corpus-plan.ts";
import { describeMachine, type MachineInfo } from "./machine.ts";
import { measureBuilds, type Corpus } from "./measure-builds.ts";
import { measurePageWeight, type PageWeight } from "./page-weight.ts";
import { measureServed, type ServedRun } from "./measure-served.ts";
import type { SiteKind } from "./site-kinds.ts";

/** How much to measure. */
export interface BenchOptions {
  /** Pages per language, one corpus each. */
  sizes: number[];
  reps: number;
  /** Page edits per dev-server mode. */
  edits: number;
  /** One untimed build of each kind before the first size, so tsx's cache and the page cache are warm. */
  warmup: boolean;
  seed: number;
  /** The command line, quoted in the report. */
  command: string;
  /** Progress messages. */
  log: (message: string) => void;
  /** Kill a measurement after this long (default: child-process.ts). */
  childTimeoutMs?: number;
}

/** One whole-process build: its cost, how many of the corpus's pages it wrote, and whether it wrote a search index. */
export interface BuildRun extends ProcessMeasure { pagesBuilt: number; htmlFiles: number; searchIndex: boolean }
/** One run of the Pagefind CLI over bare Eleventy's output, and the pages it says it indexed. */
export interface CliSearchRun extends ProcessMeasure { pages: number }
/** One run of our search indexing step alone: `ms` inside the process, and the process's cost. */
export interface PagefindRun extends ProcessMeasure { ms: number; pages: number }
/** One dev-server rebuild: from the file write until Eleventy settled, and from `eleventy.before` on. */
export interface Rebuild { editToWrittenMs: number; buildMs: number }
/** One dev-server session of one site: its first build, then one rebuild per edit. */
export interface WatchRun { kind: SiteKind; mode: "full" | "incremental"; firstBuildMs: number; peakRssKb: number; rebuilds: Rebuild[] }

/** Everything measured on one corpus size; the build arrays are paired by repetition. */
export interface SizeResult {
  pagesPerLanguage: number;
  expectedPages: number;
  corpus: { files: number; markdownBytes: number; workflowBytes: number; workflows: number; media: number };
  /** `npm run build`: the production build, search index included, after the first build left its `.cache/`. */
  full: BuildRun[];
  /** `npm run build` with no `.cache/` results (a fresh clone, as CI builds), right before each `full`. */
  first: BuildRun[];
  /** `npm run build` right after each `full`, with one paragraph added to one page: what a push that edits a page builds. */
  edited: BuildRun[];
  /** Per repetition, the files whose bytes differ between the first build's output and the next one's (none expected). */
  firstDiffers: string[][];
  /** The production build without its search step. */
  noSearch: BuildRun[];
  /** Bare Eleventy. */
  bare: BuildRun[];
  /** The Pagefind CLI over each bare build's output, run right after it. */
  bareSearch: CliSearchRun[];
  pagefind: PagefindRun[];
  watch: WatchRun[];
  /** `npm start` over HTTP: edit → served, for the edited page and for a page linking it. */
  served: ServedRun[];
}

/** A whole run, as the report is written from it. */
export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  options: Omit<BenchOptions, "log" | "childTimeoutMs">;
  sizes: SizeResult[];
  seedPage: PageWeight;
}

/** The seed page, measured in the real project's build. */
export const SEED_URL = "/ja/basic-workflows/sd15-lora/";
const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** The site's search indexing step over the kept build; each run rewrites `<site>/pagefind/`. */
async function measureSearchIndex(c: Corpus, options: BenchOptions, result: SizeResult): Promise<void> {
  for (let rep = 0; rep < options.reps; rep++) {
    const run = await runChild<PagefindRun>("pagefind", ["--site", c.out("noSearch")], { cwd: c.root, timeoutMs: options.childTimeoutMs });
    result.pagefind.push(run);
    options.log(`${c.n}/lang search index rep ${rep + 1}: ${(run.ms / 1000).toFixed(2)} s`);
  }
  rmSync(c.out("noSearch"), { recursive: true, force: true });
}

/**
 * One dev-server session per site, each on the page as the corpus wrote it: `options.edits`
 * edits with full rebuilds, then as many incremental. Bare shows what Eleventy's own
 * rebuild costs at this size.
 */
async function measureRebuilds(c: Corpus, options: BenchOptions, result: SizeResult): Promise<void> {
  // Alternate the order by size, so neither site always runs on a warmer machine.
  const order: SiteKind[] = options.sizes.indexOf(c.n) % 2 === 0 ? ["ours", "bare"] : ["bare", "ours"];
  const original = readFileSync(c.editedPage);
  for (const kind of order) {
    try {
      await watchSession(kind, c, options, result);
    } finally {
      writeFileSync(c.editedPage, original);
    }
  }
}

/** One site's dev-server session, in its own process. */
async function watchSession(kind: SiteKind, c: Corpus, options: BenchOptions, result: SizeResult): Promise<void> {
  const output = c.out(`watch-${kind}`);
  const written = join(output, c.editedUrl, "index.html");
  const args = ["--kind", kind, "--root", c.root, "--output", output, "--page", c.editedPage, "--written", written,
    "--edits", String(options.edits)];
  // Working directory "/": the corpus and the site's includes folder must both lie below it,
  // as they do in `npm start`. From the corpus root the includes path starts with "../..",
  // and Eleventy then re-roots the watcher at the common parent (GlobRemap in Eleventy
  // 3.1), whose scan can take minutes before an edit is seen.
  const run = await runChild<{ firstBuildMs: number; full: Rebuild[]; incremental: Rebuild[] }>("watch", args, {
    cwd: "/",
    timeoutMs: options.childTimeoutMs,
  });
  rmSync(output, { recursive: true, force: true });
  for (const mode of ["full", "incremental"] as const) {
    result.watch.push({ kind, mode, firstBuildMs: run.firstBuildMs, peakRssKb: run.peakRssKb, rebuilds: run[mode] });
    options.log(`${c.n}/lang dev-server ${kind} (${mode}): ${run[mode].map((r) => `${Math.round(r.editToWrittenMs)} ms`).join(", ")}`);
  }
}

async function measureSize(n: number, work: string, options: BenchOptions): Promise<SizeResult> {
  const root = join(work, `corpus-${n}`);
  mkdirSync(root);
  const { plan, files, markdownBytes, workflowBytes } = writeCorpus(root, { pagesPerLanguage: n, seed: options.seed });
  const corpusShape = { files, markdownBytes, workflowBytes, workflows: plan.workflows.length, media: plan.images.length + plan.clips.length };
  const expected = plannedUrls(plan);
  // A translation is edited: editing the source would mark its translation outdated and
  // add a warning to every page, which is not the rebuild being measured.
  const edited = plan.pages[0]!;
  const corpus: Corpus = {
    n, root, expected,
    editedPage: join(root, guidePagePath("en", edited)),
    editedUrl: pageUrl("en", edited),
    out: (name) => join(work, `out-${n}-${name}`),
  };
  const result: SizeResult = {
    pagesPerLanguage: n, expectedPages: expected.length, corpus: corpusShape,
    full: [], first: [], edited: [], firstDiffers: [], noSearch: [], bare: [], bareSearch: [], pagefind: [], watch: [], served: [],
  };
  await measureBuilds(corpus, options, result);
  await measureSearchIndex(corpus, options, result);
  await measureRebuilds(corpus, options, result);
  // The next page of the same section shows the edited page's title in its nav and prev link.
  const neighbour = plan.pages[1];
  const neighbourUrl = neighbour ? pageUrl("en", neighbour) : `/en/${edited.section}/`;
  const target = { root, output: corpus.out("served"), page: corpus.editedPage, url: corpus.editedUrl, neighbourUrl };
  const served = await measureServed(target, options.edits, options.childTimeoutMs);
  result.served.push(served);
  rmSync(target.output, { recursive: true, force: true });
  options.log(`${n}/lang npm start over HTTP: ${served.edits.map((e) => `${e.kind} ${Math.round(e.ms)} ms`).join(", ")}`);
  rmSync(root, { recursive: true, force: true });
  return result;
}

/** Builds the real project to a temporary folder and weighs the seed page. */
async function measureSeedPage(work: string, timeoutMs?: number): Promise<PageWeight> {
  const output = join(work, "out-seed");
  await runChild("build", ["--kind", "ours", "--root", projectRoot, "--output", output], { cwd: projectRoot, timeoutMs });
  return measurePageWeight(output, SEED_URL);
}

/** Runs every measurement in a scratch folder, removed afterwards. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const work = mkdtempSync(join(tmpdir(), "bench-"));
  const startedAt = new Date().toISOString();
  try {
    const sizes: SizeResult[] = [];
    for (const n of options.sizes) sizes.push(await measureSize(n, work, options));
    options.log("seed page weight");
    const seedPage = await measureSeedPage(work, options.childTimeoutMs);
    const { log: _log, childTimeoutMs: _timeout, ...recorded } = options;
    return { startedAt, finishedAt: new Date().toISOString(), machine: describeMachine(), options: recorded, sizes, seedPage };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
