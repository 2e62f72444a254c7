/**
 * The benchmark itself: for each corpus size, interleaved builds of ours and bare Eleventy,
 * Pagefind on its own, dev-server rebuilds of both; then the seed page's weight.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runChild } from "./child-process.ts";
import { guidePagePath, writeCorpus } from "./corpus.ts";
import { pageUrl, plannedUrls } from "./corpus-plan.ts";
import { describeMachine, type MachineInfo } from "./machine.ts";
import { measurePageWeight, type PageWeight } from "./page-weight.ts";
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

/** One build: its time, peak memory, how many of the corpus's pages it wrote, and whether it wrote a search index. */
export interface BuildRun { ms: number; peakRssKb: number; pagesBuilt: number; htmlFiles: number; searchIndex: boolean }
/** One run of the search indexing step. */
export interface PagefindRun { ms: number; peakRssKb: number; pages: number }
/** One dev-server rebuild: from the file write until Eleventy settled, and from `eleventy.before` on. */
export interface Rebuild { editToWrittenMs: number; buildMs: number }
/** One dev-server session of one site: its first build, then one rebuild per edit. */
export interface WatchRun { kind: SiteKind; mode: "full" | "incremental"; firstBuildMs: number; peakRssKb: number; rebuilds: Rebuild[] }

/** Everything measured on one corpus size. */
export interface SizeResult {
  pagesPerLanguage: number;
  expectedPages: number;
  corpus: { files: number; markdownBytes: number; workflowBytes: number };
  ours: BuildRun[];
  bare: BuildRun[];
  pagefind: PagefindRun[];
  watch: WatchRun[];
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

/** HTML files under a folder, as site-relative URLs (`/a/b/` for `a/b/index.html`). */
export function builtUrls(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => "/" + join(e.parentPath, e.name).slice(dir.length + 1).split("\\").join("/"))
    .map((url) => url.replace(/index\.html$/, ""));
}

async function build(kind: SiteKind, root: string, output: string, expected: readonly string[], timeoutMs?: number): Promise<BuildRun> {
  const run = await runChild<{ ms: number }>("build", ["--kind", kind, "--root", root, "--output", output], { cwd: root, timeoutMs });
  const urls = new Set(builtUrls(output));
  const pagesBuilt = expected.filter((u) => urls.has(u)).length;
  return { ms: run.ms, peakRssKb: run.peakRssKb, pagesBuilt, htmlFiles: urls.size, searchIndex: existsSync(join(output, "pagefind")) };
}

/** One corpus being measured: where it is, what it should build, where runs write. */
interface Corpus {
  n: number;
  root: string;
  expected: string[];
  /** The guide page the dev-server runs edit, and its URL. */
  editedPage: string;
  editedUrl: string;
  out: (name: string) => string;
}

/** Ours and bare, interleaved; the last output of ours is kept for the search index runs. */
async function measureBuilds(c: Corpus, options: BenchOptions, result: SizeResult): Promise<void> {
  // One untimed pair before the first size fills tsx's compile cache and the page cache;
  // later corpora were just written, so their files are in the page cache already.
  if (options.warmup && c.n === options.sizes[0]) {
    options.log(`${c.n}/lang: warm-up builds`);
    for (const kind of ["ours", "bare"] as const) {
      await build(kind, c.root, c.out("warmup"), c.expected, options.childTimeoutMs);
      rmSync(c.out("warmup"), { recursive: true, force: true });
    }
  }
  for (let rep = 0; rep < options.reps; rep++) {
    // Alternate the order, so neither kind always runs on a warmer machine.
    const order: SiteKind[] = rep % 2 === 0 ? ["ours", "bare"] : ["bare", "ours"];
    for (const kind of order) {
      const run = await build(kind, c.root, c.out(kind), c.expected, options.childTimeoutMs);
      result[kind].push(run);
      options.log(`${c.n}/lang rep ${rep + 1}: ${kind} ${(run.ms / 1000).toFixed(2)} s, ${run.pagesBuilt}/${c.expected.length} pages`);
      if (kind === "bare" || rep < options.reps - 1) rmSync(c.out(kind), { recursive: true, force: true });
    }
  }
}

/** The site's search indexing step over the kept build; each run rewrites `<site>/pagefind/`. */
async function measureSearchIndex(c: Corpus, options: BenchOptions, result: SizeResult): Promise<void> {
  for (let rep = 0; rep < options.reps; rep++) {
    const run = await runChild<PagefindRun>("pagefind", ["--site", c.out("ours")], { cwd: c.root, timeoutMs: options.childTimeoutMs });
    result.pagefind.push(run);
    options.log(`${c.n}/lang search index rep ${rep + 1}: ${(run.ms / 1000).toFixed(2)} s`);
  }
  rmSync(c.out("ours"), { recursive: true, force: true });
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
    pagesPerLanguage: n, expectedPages: expected.length, corpus: { files, markdownBytes, workflowBytes },
    ours: [], bare: [], pagefind: [], watch: [],
  };
  await measureBuilds(corpus, options, result);
  await measureSearchIndex(corpus, options, result);
  await measureRebuilds(corpus, options, result);
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
