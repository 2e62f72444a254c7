import { describe, expect, test } from "vitest";
import { formatSummary, pairedRatios, summarize } from "../../bench/stats.ts";

describe("summarize", () => {
  test.each([
    [[5], 5, 5, 5],
    [[3, 1, 2], 2, 1, 3],
    [[4, 1, 3, 2], 2.5, 1, 4],
    [[10, 10, 10, 40], 10, 10, 40],
  ])("%j → median %d, min %d, max %d", (values, median, min, max) => {
    expect(summarize(values)).toMatchObject({ n: values.length, median, min, max });
  });

  test("quartiles interpolate between neighbours", () => {
    expect(summarize([1, 2, 3, 4, 5])).toMatchObject({ q1: 2, q3: 4 });
    expect(summarize([1, 2, 3, 4])).toMatchObject({ q1: 1.75, q3: 3.25 });
  });

  test("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    summarize(values);
    expect(values).toEqual([3, 1, 2]);
  });

  test("refuses no measurements and non-numbers", () => {
    expect(() => summarize([])).toThrow(/no measurements/);
    expect(() => summarize([1, Number.NaN])).toThrow(/finite/);
  });
});

describe("pairedRatios", () => {
  test("divides run by run", () => {
    expect(pairedRatios([2, 3], [1, 2])).toEqual([2, 1.5]);
  });
  test("needs the same number of runs", () => {
    expect(() => pairedRatios([1], [1, 2])).toThrow(/same count/);
  });
});

describe("formatSummary", () => {
  const fmt = (v: number) => v.toFixed(1);
  test("shows the median then the min–max range, the unit once", () => {
    expect(formatSummary(summarize([1, 2, 4]), fmt, " s")).toBe("2.0 s (1.0–4.0)");
  });
  test("shows a single run without a range", () => {
    expect(formatSummary(summarize([3]), fmt, " ms")).toBe("3.0 ms");
  });
});
