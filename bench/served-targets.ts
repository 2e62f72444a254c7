/**
 * The dev-loop targets, judged on `npm start` measured over HTTP (bench/measure-served.ts):
 * an edit served within 300 ms at 500 pages/lang and 500 ms at 2,000, counting both the
 * edited page and a page whose nav and prev/next show its changed title.
 */
import { formatSummary, summarize } from "./stats.ts";
import type { BenchResult, SizeResult } from "./run-bench.ts";
import type { ServedEdit } from "./measure-served.ts";
import type { TargetCheck } from "./targets.ts";

/** Pages per language → the most an edit may take from save to served. */
export const SERVED_TARGETS: ReadonlyArray<{ pagesPerLanguage: number; maxMs: number }> = [
  { pagesPerLanguage: 500, maxMs: 300 },
  { pagesPerLanguage: 2000, maxMs: 500 },
];

/** Median save → served time of one kind of edit at one size, or undefined if not measured. */
export function servedMs(size: SizeResult, kind: ServedEdit["kind"]): number | undefined {
  const edits = size.served.flatMap((run) => run.edits.filter((e) => e.kind === kind));
  return edits.length > 0 ? summarize(edits.map((e) => e.ms)).median : undefined;
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;

/** One check per target size; the slower of the two edits is what is judged. */
export function servedChecks(result: BenchResult): TargetCheck[] {
  return SERVED_TARGETS.map(({ pagesPerLanguage: n, maxMs }) => {
    const target = `\`npm start\` serves an edit ≤ ${maxMs} ms from save at ${n.toLocaleString("en")} pages/lang (edited page, and the title in other pages)`;
    const size = result.sizes.find((s) => s.pagesPerLanguage === n);
    const body = size && servedMs(size, "body");
    const title = size && servedMs(size, "title");
    if (body === undefined || title === undefined) return { target, measured: "not run", met: null };
    return { target, measured: `${ms(body)} (page), ${ms(title)} (title in a neighbour)`, met: Math.max(body, title) <= maxMs };
  });
}

/** The table rows: per size, the first page served, then each kind of edit. */
export function servedRows(sizes: readonly SizeResult[]): string[][] {
  const spread = (values: number[]) => (values.length === 0 ? "—" : formatSummary(summarize(values), (v) => String(Math.round(v)), " ms"));
  return sizes.flatMap((s) => s.served.map((run) => [
    s.pagesPerLanguage.toLocaleString("en"),
    `${(run.startMs / 1000).toFixed(2)} s`,
    spread(run.edits.filter((e) => e.kind === "body").map((e) => e.ms)),
    spread(run.edits.filter((e) => e.kind === "title").map((e) => e.ms)),
  ]));
}
