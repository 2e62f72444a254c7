import { describe, expect, test } from "vitest";
import { initialView, panBy, viewForKey, wheelFactor, zoomAt, LEGIBLE_WIDTH } from "../../src/client/pan-zoom.ts";

describe("pan and zoom", () => {
  test("a small graph starts whole and centred", () => {
    expect(initialView({ width: 800, height: 200 }, { width: 1000, height: 600 })).toEqual({ scale: 1, x: 100, y: 200 });
  });

  test("on a 390 px phone a wide graph starts at its left end, at the legible width", () => {
    const view = initialView({ width: 2150, height: 422 }, { width: 390, height: 700 });
    expect(view.scale * 2150).toBeCloseTo(LEGIBLE_WIDTH);
    expect(view.x).toBe(0);
  });

  test("zoom keeps the point under the cursor still", () => {
    const view = { scale: 1, x: 10, y: 20 };
    const zoomed = zoomAt(view, 2, { x: 110, y: 70 });
    expect(zoomed.scale).toBe(2);
    // The image point under (110, 70) was (100, 50); it is still there.
    expect(zoomed.x + 100 * zoomed.scale).toBeCloseTo(110);
    expect(zoomed.y + 50 * zoomed.scale).toBeCloseTo(70);
  });

  test("zoom is bounded", () => {
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 1e6, { x: 0, y: 0 }).scale).toBe(8);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 1e-6, { x: 0, y: 0 }).scale).toBe(0.05);
  });

  test("keys: + and - zoom at the middle, arrows pan, 0 resets; others do nothing", () => {
    const stage = { width: 400, height: 400 };
    const start = { scale: 1, x: 0, y: 0 };
    expect(viewForKey("+", start, stage, start)!.scale).toBe(1.25);
    expect(viewForKey("-", start, stage, start)!.scale).toBe(0.8);
    expect(viewForKey("ArrowRight", start, stage, start)).toEqual({ scale: 1, x: -60, y: 0 });
    expect(viewForKey("0", panBy(start, 5, 5), stage, start)).toBe(start);
    expect(viewForKey("a", start, stage, start)).toBeNull();
  });

  test("a wheel notch down zooms out, up zooms in", () => {
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(-100)).toBeGreaterThan(1);
  });
});
