/** The issues' performance targets, checked against a run's numbers. */
import { pairedRatios, summarize } from "./stats.ts";
import type { BenchResult, BuildRun, SizeResult } from "./run-bench.ts";
import type { SiteKind } from "./site-kinds.ts";

/** One target and how this run did against it; `met` is null when the run did not measure it. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

/** The thresholds. */
export const TARGETS = {
  /** The full build against bare Eleventy + the Pagefind CLI, at each of these sizes. */
  fullBuildAt: [100, 500, 2000],
  maxFullBuildRatio: 1.3,
  maxRssRatio: 1.3,
  /** "Flat": per-page time at the largest size at most this much above the smallest size's. */
  maxPerPageGrowth: 1.25,
  maxRebuildMs: 500,
  maxSeedHtmlBytes: 40 * 1024,
  maxSeedJsGzipBytes: 10 * 1024,
} as const;

/** What a build is compared on. */
export type Measure = "wallMs" | "cpuMs" | "peakRssKb";

/** The baseline of one repetition, whole: bare Eleventy then the Pagefind CLI (times add up, memory is the larger). */
export function baselineRuns(size: SizeResult): Array<Record<Measure, number>> {
  return size.bare.map((bare, i) => {
    const search = size.bareSearch[i] ?? { wallMs: 0, cpuMs: 0, peakRssKb: 0 };
    return { wallMs: bare.wallMs + search.wallMs, cpuMs: bare.cpuMs + search.cpuMs, peakRssKb: Math.max(bare.peakRssKb, search.peakRssKb) };
  });
}

/** Median over paired repetitions of ours/baseline for one measure. */
export function ratio(ours: readonly Record<Measure, number>[], baseline: readonly Record<Measure, number>[], measure: Measure): number {
  return summarize(pairedRatios(ours.map((r) => r[measure]), baseline.map((r) => r[measure]))).median;
}

/** The full build's ratios to bare Eleventy + Pagefind. */
export function fullBuildRatio(size: SizeResult, measure: Measure): number {
  return ratio(size.full, baselineRuns(size), measure);
}

/** The no-search build's ratios to bare Eleventy alone. */
export function noSearchRatio(size: SizeResult, measure: Measure): number {
  return ratio(size.noSearch, size.bare, measure);
}

/** Which of a size's build runs: ours without search, or bare. */
type Runs = "noSearch" | "bare";
const wallMedian = (runs: readonly BuildRun[]) => summarize(runs.map((r) => r.wallMs)).median;

/** Median whole-process wall time per page built. */
export function perPageMs(size: SizeResult, kind: Runs): number {
  return wallMedian(size[kind]) / size.expectedPages;
}

/**
 * Extra wall time per extra page between two sizes: the slope, free of the fixed start-up
 * cost that flatters per-page time at large sizes.
 */
export function marginalMs(smaller: SizeResult, larger: SizeResult, kind: Runs): number {
  return (wallMedian(larger[kind]) - wallMedian(smaller[kind])) / (larger.expectedPages - smaller.expectedPages);
}

/** Median edit-to-written time of one site's dev-server mode, or undefined if not measured. */
export function rebuildMs(size: SizeResult, kind: SiteKind, mode: "full" | "incremental"): number | undefined {
  const run = size.watch.find((w) => w.kind === kind && w.mode === mode);
  return run && run.rebuilds.length > 0 ? summarize(run.rebuilds.map((r) => r.editToWrittenMs)).median : undefined;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;
const count = (n: number) => n.toLocaleString("en");

/**
 * The rebuild target, judged on our `--incremental` rebuild; bare Eleventy's at the same size
 * is stated beside it, as the floor Eleventy's own incremental bookkeeping sets.
 */
function rebuildCheck(size: SizeResult): TargetCheck {
  const full = rebuildMs(size, "ours", "full");
  const incremental = rebuildMs(size, "ours", "incremental");
  const bare = rebuildMs(size, "bare", "incremental");
  const floor = bare === undefined ? "" : `; bare Eleventy: ${ms(bare)}`;
  const parts = [full !== undefined && `${ms(full)} (npm start)`, incremental !== undefined && `${ms(incremental)} (--incremental${floor})`];
  return { target: `Dev-server rebuild after one edit ≤ ${TARGETS.maxRebuildMs} ms`,
    measured: `${parts.filter(Boolean).join(", ")} (at ${count(size.pagesPerLanguage)}/lang)`, met: incremental === undefined ? null : incremental <= TARGETS.maxRebuildMs };
}

/** What each kind of `npm run build` is called in the targets. */
const BUILD_NAMES = {
  full: "Full build (after a build)",
  edited: "Full build after one page edit",
  first: "First build (no `.cache/`)",
} as const;

/**
 * Full build ≤ 1.3× bare + Pagefind in wall time and CPU, at each target size this run
 * measured: `full` is `npm run build` after an earlier build left its `.cache/`, `edited`
 * the same after one page changed (what most pushes build), `first` the build from
 * nothing (a fresh clone, CI).
 */
function fullBuildChecks(bySize: readonly SizeResult[], runs: keyof typeof BUILD_NAMES): TargetCheck[] {
  return TARGETS.fullBuildAt.map((n) => {
    const which = BUILD_NAMES[runs];
    const target = `${which} ≤ ${TARGETS.maxFullBuildRatio}× bare Eleventy + Pagefind CLI (wall and CPU) at ${count(n)} pages/lang`;
    const size = bySize.find((s) => s.pagesPerLanguage === n);
    if (!size || size[runs].length === 0) return { target, measured: "not run", met: null };
    const wall = ratio(size[runs], baselineRuns(size), "wallMs");
    // Without GNU time the baseline's CPU is 0: a ratio would be infinite, and say nothing.
    const cpu = [...size[runs], ...baselineRuns(size)].every((r) => r.cpuMs > 0) ? ratio(size[runs], baselineRuns(size), "cpuMs") : undefined;
    return { target, measured: `wall ${times(wall)}, CPU ${cpu === undefined ? "unknown (no GNU time)" : times(cpu)}`,
      met: cpu === undefined ? null : wall <= TARGETS.maxFullBuildRatio && cpu <= TARGETS.maxFullBuildRatio };
  });
}

/** A build from the results on disk writes exactly what the first build wrote, every file. */
function sameOutputCheck(bySize: readonly SizeResult[]): TargetCheck {
  const pairs = bySize.flatMap((s) => s.firstDiffers.map((files) => [s.pagesPerLanguage, files] as const));
  const differing = pairs.filter(([, files]) => files.length > 0);
  return { target: "A build from `.cache/` writes byte for byte what the first build wrote (every file, search index included)",
    measured: pairs.length === 0 ? "not run"
      : differing.length === 0 ? `identical in ${pairs.length} of ${pairs.length} pair(s), at ${[...new Set(pairs.map(([n]) => count(n)))].join(", ")} pages/lang`
      : differing.map(([n, files]) => `${files.length} file(s) differ at ${count(n)}/lang: ${files.slice(0, 3).join(", ")}`).join("; "),
    met: pairs.length === 0 ? null : differing.length === 0 };
}

/** Peak RSS ≤ 1.3× the baseline's, at every size measured. */
function rssCheck(bySize: readonly SizeResult[]): TargetCheck {
  const ratios = bySize.map((s) => [s.pagesPerLanguage, fullBuildRatio(s, "peakRssKb")] as const);
  return { target: `Peak RSS ≤ ${TARGETS.maxRssRatio}× bare Eleventy + Pagefind CLI`,
    measured: ratios.map(([n, r]) => `${times(r)} at ${count(n)}/lang`).join(", "),
    met: ratios.length === 0 ? null : ratios.every(([, r]) => r <= TARGETS.maxRssRatio) };
}

/** The full build exits with nothing of it left running (a leftover keeps `npm run build`'s group alive). */
function exitCheck(bySize: readonly SizeResult[]): TargetCheck {
  const runs = bySize.flatMap((s) => s.full);
  const left = runs.filter((r) => r.leftBehind).length;
  return { target: "Full build exits with no child process left behind",
    measured: runs.length === 0 ? "not run" : left === 0 ? `none in ${runs.length} build(s)` : `${left} of ${runs.length} build(s) left processes running`,
    met: runs.length === 0 ? null : left === 0 };
}

/** Checks every target. The rebuild is judged at 2,000 pages/lang, or the largest size run. */
export function checkTargets(result: BenchResult): TargetCheck[] {
  const bySize = [...result.sizes].sort((a, b) => a.pagesPerLanguage - b.pagesPerLanguage);
  const checks: TargetCheck[] = [...fullBuildChecks(bySize, "full"), ...fullBuildChecks(bySize, "edited"), ...fullBuildChecks(bySize, "first"), sameOutputCheck(bySize), rssCheck(bySize)];
  const [small, large] = [bySize[0], bySize.at(-1)];
  if (small && large && small !== large) {
    const growth = perPageMs(large, "noSearch") / perPageMs(small, "noSearch");
    checks.push({ target: `Flat time per page (${large.pagesPerLanguage}/lang ≤ ${TARGETS.maxPerPageGrowth}× ${small.pagesPerLanguage}/lang)`,
      measured: `${perPageMs(small, "noSearch").toFixed(2)} → ${perPageMs(large, "noSearch").toFixed(2)} ms/page (${growth.toFixed(2)}×)`,
      met: growth <= TARGETS.maxPerPageGrowth });
  } else {
    checks.push({ target: "Flat time per page", measured: "needs two sizes", met: null });
  }
  const reference = bySize.find((s) => s.pagesPerLanguage === 2000) ?? large;
  if (reference) checks.push(rebuildCheck(reference));
  const seed = result.seedPage;
  checks.push({ target: `Seed page HTML ≤ ${kib(TARGETS.maxSeedHtmlBytes)}`, measured: kib(seed.html.bytes),
    met: seed.html.bytes <= TARGETS.maxSeedHtmlBytes });
  checks.push({ target: `Seed page JS ≤ ${kib(TARGETS.maxSeedJsGzipBytes)} gzip`, measured: `${kib(seed.jsGzipBytes)} gzip`,
    met: seed.jsGzipBytes <= TARGETS.maxSeedJsGzipBytes });
  checks.push(exitCheck(bySize));
  return checks;
}
