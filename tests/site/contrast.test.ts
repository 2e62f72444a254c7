import { describe, expect, test } from "vitest";
import { contrast, luminance, parseHex, toHex, withContrast } from "../../src/site/contrast.ts";

describe("parseHex / toHex", () => {
  test.each([
    ["#0a66c2", [10, 102, 194]],
    ["#FFF", [255, 255, 255]],
    [" #000000 ", [0, 0, 0]],
  ])("%s", (hex, rgb) => {
    expect(parseHex(hex)).toEqual(rgb);
    expect(toHex(parseHex(hex)!)).toBe(toHex(rgb as [number, number, number]));
  });

  test.each(["red", "#12345", "#ggg", "rgb(0,0,0)", ""])("%j is no colour", (text) => {
    expect(parseHex(text)).toBeUndefined();
  });
});

describe("contrast", () => {
  test("matches WCAG's reference values", () => {
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 5);
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 5);
    // #767676 on white is the classic 4.54:1.
    expect(contrast(parseHex("#767676")!, [255, 255, 255])).toBeCloseTo(4.54, 2);
  });
});

describe("withContrast", () => {
  const white = parseHex("#ffffff")!;
  const dark = parseHex("#14171b")!;

  test("keeps a colour that already reaches the contrast", () => {
    expect(withContrast(parseHex("#0a66c2")!, [white], 4.5)).toEqual(parseHex("#0a66c2"));
  });

  test("darkens a pale colour on light backgrounds just enough", () => {
    const fitted = withContrast(parseHex("#ffcc00")!, [white], 4.5);
    expect(contrast(fitted, white)).toBeGreaterThanOrEqual(4.5);
    // One step less dark would not have been enough: the hue is kept as far as it can be.
    const [r, g, b] = fitted;
    expect(r).toBeGreaterThan(b);
    expect(contrast([r + 6, g + 5, b], white)).toBeLessThan(4.6);
  });

  test("lightens a deep colour on dark backgrounds", () => {
    const fitted = withContrast(parseHex("#0a66c2")!, [dark, parseHex("#1b1f24")!], 4.5);
    expect(contrast(fitted, dark)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(fitted, parseHex("#1b1f24")!)).toBeGreaterThanOrEqual(4.5);
  });
});
