import { expect, test } from "vitest";
import { displaySize, unknownDisplaySize } from "../../src/media/media-size.ts";

test.each([
  // landscape larger than 2x: 720 wide, both densities
  [{ width: 2048, height: 1152 }, { width: 720, height: 405, preview1x: 720, preview2x: 1440 }],
  // between 1x and 2x: 2x is the original size
  [{ width: 1000, height: 500 }, { width: 720, height: 360, preview1x: 720, preview2x: 1000 }],
  // portrait: the longer side is bounded
  [{ width: 1200, height: 1600 }, { width: 540, height: 720, preview1x: 720, preview2x: 1440 }],
  // smaller than the column: never upscaled, no 2x
  [{ width: 300, height: 200 }, { width: 300, height: 200, preview1x: 300, preview2x: null }],
  // extreme ratio keeps at least one pixel
  [{ width: 10000, height: 3 }, { width: 720, height: 1, preview1x: 720, preview2x: 1440 }],
])("%o is drawn as %o", (original, expected) => {
  expect(displaySize(original)).toEqual(expected);
});

test("unknown sizes are a 16:9 box", () => {
  const { width, height } = unknownDisplaySize();
  expect(width / height).toBeCloseTo(16 / 9, 5);
  expect(Number.isInteger(height)).toBe(true);
});
