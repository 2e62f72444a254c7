/**
 * The build measurements of one corpus size: per repetition, ours with and without search
 * and bare Eleventy followed by the Pagefind CLI, each a whole process run as a user runs it.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureProcess, type ProcessMeasure } from "./child-process.ts";
import type { BenchOptions, BuildRun, CliSearchRun, SizeResult } from "./run-bench.ts";
import { buildCommand, pagefindCommand, type BuildCommandKind } from "./site-kinds.ts";

/** One corpus being measured: where it is, what it should build, where runs write. */
export interface Corpus {
  n: number;
  root: string;
  expected: string[];
  /** The guide page the dev-server runs edit, and its URL. */
  editedPage: string;
  editedUrl: string;
  out: (name: string) => string;
}

/** HTML files under a folder, as site-relative URLs (`/a/b/` for `a/b/index.html`). */
export function builtUrls(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => "/" + join(e.parentPath, e.name).slice(dir.length + 1).split("\\").join("/"))
    .map((url) => url.replace(/index\.html$/, ""));
}

/** One build as a user runs it, from the corpus root, measured whole. */
async function build(kind: BuildCommandKind, root: string, output: string, expected: readonly string[], timeoutMs?: number): Promise<BuildRun> {
  const { command, args } = await buildCommand(kind, output);
  const { stdout: _output, ...measure } = await measureProcess(command, args, { cwd: root, timeoutMs });
  const urls = new Set(builtUrls(output));
  const pagesBuilt = expected.filter((u) => urls.has(u)).length;
  return { ...measure, pagesBuilt, htmlFiles: urls.size, searchIndex: existsSync(join(output, "pagefind")) };
}

/** `npx pagefind --site <dir>` (without npx's start-up), measured whole; the pages it reports indexing. */
async function cliSearch(site: string, root: string, timeoutMs?: number): Promise<CliSearchRun> {
  const { command, args } = pagefindCommand(site);
  const { stdout, ...measure } = await measureProcess(command, args, { cwd: root, timeoutMs });
  const pages = Number(/Indexed (\d+) pages?/.exec(stdout)?.[1] ?? 0);
  return { ...measure, pages };
}

/** Files under `dir`, site-relative, in path order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** The files present in only one of two outputs, or in both with other bytes. */
export function differingFiles(a: string, b: string): string[] {
  const [left, right] = [filesUnder(a), filesUnder(b)];
  const [inLeft, inRight] = [new Set(left), new Set(right)];
  const differ = [...left.filter((f) => !inRight.has(f)), ...right.filter((f) => !inLeft.has(f))];
  for (const file of left) {
    if (inRight.has(file) && !readFileSync(join(a, file)).equals(readFileSync(join(b, file)))) differ.push(file);
  }
  return differ.sort();
}

const secondsOf = (run: ProcessMeasure) => `${(run.wallMs / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s CPU`;

/**
 * Per repetition: ours, bare Eleventy then the Pagefind CLI on its output, and ours without
 * search, each a fresh process; the last no-search output is kept for the search step runs.
 */
export async function measureBuilds(c: Corpus, options: BenchOptions, result: SizeResult): Promise<void> {
  // One untimed round before the first size fills tsx's compile cache and the page cache;
  // later corpora were just written, so their files are in the page cache already.
  if (options.warmup && c.n === options.sizes[0]) {
    options.log(`${c.n}/lang: warm-up builds`);
    for (const kind of ["ours", "bare"] as const) {
      await build(kind, c.root, c.out("warmup"), c.expected, options.childTimeoutMs);
      rmSync(c.out("warmup"), { recursive: true, force: true });
    }
  }
  const original = readFileSync(c.editedPage);
  try {
    for (let rep = 0; rep < options.reps; rep++) await measureRepetition(c, options, result, rep);
  } finally {
    writeFileSync(c.editedPage, original);
  }
}

/** The builds of one repetition. */
async function measureRepetition(c: Corpus, options: BenchOptions, result: SizeResult, rep: number): Promise<void> {
  // Alternate the order, so neither of ours always runs on a warmer machine. The first
  // build (no results on disk) always comes right before `full`, which builds from them,
  // and `edited` right after it.
  const order = rep % 2 === 0
    ? (["first", "full", "edited", "bare", "noSearch"] as const)
    : (["noSearch", "bare", "first", "full", "edited"] as const);
  for (const step of order) {
    const kind: BuildCommandKind = step === "noSearch" ? "ours-no-search" : step === "bare" ? "bare" : "ours";
    // The corpus's `.cache/`: renders, workflow results, bundles and previews of earlier builds.
    if (step === "first") rmSync(join(c.root, ".cache"), { recursive: true, force: true });
    // A new paragraph in one translated page (its source stays as it was, so no page
    // turns outdated): one render, and a search index of other pages.
    if (step === "edited") appendFileSync(c.editedPage, `\nOne more paragraph, written for repetition ${rep + 1}.\n`);
    const output = c.out(step);
    const run = await build(kind, c.root, output, c.expected, options.childTimeoutMs);
    result[step].push(run);
    options.log(`${c.n}/lang rep ${rep + 1}: ${step} ${secondsOf(run)}, ${run.pagesBuilt}/${c.expected.length} pages`);
    if (step === "bare") {
      const search = await cliSearch(output, c.root, options.childTimeoutMs);
      result.bareSearch.push(search);
      options.log(`${c.n}/lang rep ${rep + 1}: Pagefind CLI ${secondsOf(search)}, ${search.pages} pages`);
    }
    if (step === "full") {
      // A build from the results on disk is byte for byte the first build's, search index included.
      const differ = differingFiles(c.out("first"), output);
      result.firstDiffers.push(differ);
      if (differ.length) options.log(`${c.n}/lang rep ${rep + 1}: ${differ.length} file(s) differ from the first build: ${differ.slice(0, 5).join(", ")}`);
      rmSync(c.out("first"), { recursive: true, force: true });
    }
    if (step === "first") continue;
    if (step !== "noSearch" || rep < options.reps - 1) rmSync(output, { recursive: true, force: true });
  }
}
