/** The performance targets, checked against a run's numbers. */
import { pairedRatios, summarize } from "./stats.ts";
import type { BenchResult, SizeResult } from "./run-bench.ts";
import type { SiteKind } from "./site-kinds.ts";

/** One target and how this run did against it; `met` is null when the run did not measure it. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

/** The thresholds. */
export const TARGETS = {
  overheadAt: 2000,
  maxOverhead: 1.3,
  /** "Flat": per-page time at the largest size at most this much above the smallest size's. */
  maxPerPageGrowth: 1.25,
  maxRebuildMs: 500,
  maxSeedHtmlBytes: 40 * 1024,
  maxSeedJsGzipBytes: 10 * 1024,
} as const;

/** Median of ours/bare over paired repetitions. */
export function overhead(size: SizeResult): number {
  return summarize(pairedRatios(size.ours.map((r) => r.ms), size.bare.map((r) => r.ms))).median;
}

/** Median build time per page built. */
export function perPageMs(size: SizeResult, kind: "ours" | "bare"): number {
  return summarize(size[kind].map((r) => r.ms)).median / size.expectedPages;
}

/**
 * Extra build time per extra page between two sizes: the slope, free of the fixed start-up
 * cost that flatters per-page time at large sizes.
 */
export function marginalMs(smaller: SizeResult, larger: SizeResult, kind: "ours" | "bare"): number {
  const median = (s: SizeResult) => summarize(s[kind].map((r) => r.ms)).median;
  return (median(larger) - median(smaller)) / (larger.expectedPages - smaller.expectedPages);
}

/** Median edit-to-written time of one site's dev-server mode, or undefined if not measured. */
export function rebuildMs(size: SizeResult, kind: SiteKind, mode: "full" | "incremental"): number | undefined {
  const run = size.watch.find((w) => w.kind === kind && w.mode === mode);
  return run && run.rebuilds.length > 0 ? summarize(run.rebuilds.map((r) => r.editToWrittenMs)).median : undefined;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;

/**
 * The rebuild target, judged on our `--incremental` rebuild; bare Eleventy's at the same size
 * is stated beside it, as the floor Eleventy's own incremental bookkeeping sets.
 */
function rebuildCheck(size: SizeResult, at: string): TargetCheck {
  const full = rebuildMs(size, "ours", "full");
  const incremental = rebuildMs(size, "ours", "incremental");
  const bare = rebuildMs(size, "bare", "incremental");
  const floor = bare === undefined ? "" : `; bare Eleventy: ${ms(bare)}`;
  const parts = [full !== undefined && `${ms(full)} (npm start)`, incremental !== undefined && `${ms(incremental)} (--incremental${floor})`];
  return { target: `Dev-server rebuild after one edit ≤ ${TARGETS.maxRebuildMs} ms`,
    measured: parts.filter(Boolean).join(", ") + at, met: incremental === undefined ? null : incremental <= TARGETS.maxRebuildMs };
}

/** Checks every target; sizes other than 2,000 stand in (and say so) when 2,000 was not run. */
export function checkTargets(result: BenchResult): TargetCheck[] {
  const bySize = [...result.sizes].sort((a, b) => a.pagesPerLanguage - b.pagesPerLanguage);
  const reference = bySize.find((s) => s.pagesPerLanguage === TARGETS.overheadAt) ?? bySize.at(-1);
  const at = (s: SizeResult) => (s.pagesPerLanguage === TARGETS.overheadAt ? "" : ` (at ${s.pagesPerLanguage}/lang)`);
  const checks: TargetCheck[] = [];
  if (reference) {
    const ratio = overhead(reference);
    checks.push({ target: `Overhead ≤ ${TARGETS.maxOverhead}× bare Eleventy at ${TARGETS.overheadAt.toLocaleString("en")} pages/lang`,
      measured: `${ratio.toFixed(2)}×${at(reference)}`, met: ratio <= TARGETS.maxOverhead });
  }
  const [small, large] = [bySize[0], bySize.at(-1)];
  if (small && large && small !== large) {
    const growth = perPageMs(large, "ours") / perPageMs(small, "ours");
    checks.push({ target: `Flat time per page (${large.pagesPerLanguage}/lang ≤ ${TARGETS.maxPerPageGrowth}× ${small.pagesPerLanguage}/lang)`,
      measured: `${perPageMs(small, "ours").toFixed(2)} → ${perPageMs(large, "ours").toFixed(2)} ms/page (${growth.toFixed(2)}×)`,
      met: growth <= TARGETS.maxPerPageGrowth });
  } else {
    checks.push({ target: "Flat time per page", measured: "needs two sizes", met: null });
  }
  if (reference) checks.push(rebuildCheck(reference, at(reference)));
  const seed = result.seedPage;
  checks.push({ target: `Seed page HTML ≤ ${kib(TARGETS.maxSeedHtmlBytes)}`, measured: kib(seed.html.bytes),
    met: seed.html.bytes <= TARGETS.maxSeedHtmlBytes });
  checks.push({ target: `Seed page JS ≤ ${kib(TARGETS.maxSeedJsGzipBytes)} gzip`, measured: `${kib(seed.jsGzipBytes)} gzip`,
    met: seed.jsGzipBytes <= TARGETS.maxSeedJsGzipBytes });
  return checks;
}
