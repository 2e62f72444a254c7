/** Summary statistics for repeated measurements: median and spread, never a lone mean. */

/** What one measured quantity looked like over its repetitions. */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (linear interpolation, as spreadsheets compute them). */
  q1: number;
  q3: number;
}

/** Quantile `q` (0..1) of already sorted values, interpolating between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Summarises a non-empty list of measurements. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("cannot summarise no measurements");
  if (values.some((v) => !Number.isFinite(v))) throw new Error("measurements must be finite numbers");
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/** Ratios of paired runs (ours[i] / bare[i]); pairing cancels drift across an interleaved run. */
export function pairedRatios(numerators: readonly number[], denominators: readonly number[]): number[] {
  if (numerators.length !== denominators.length) throw new Error("paired runs must have the same count");
  return numerators.map((n, i) => n / denominators[i]!);
}

/** "1.23 s (1.20–1.31)": the median, then min–max over the repetitions, the unit (" s", "×") once. */
export function formatSummary(s: Summary, format: (v: number) => string, unit = ""): string {
  return s.n === 1 ? `${format(s.median)}${unit}` : `${format(s.median)}${unit} (${format(s.min)}–${format(s.max)})`;
}
