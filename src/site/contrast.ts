/** WCAG colour contrast, and the nearest colour that reaches a contrast: for the site's accent. */

/** An sRGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/** `#rgb` or `#rrggbb` as channels; undefined for anything else. */
export function parseHex(hex: string): Rgb | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}

/** `#rrggbb`, lowercase. */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `color` itself when it reaches `min` against every background, else the first mix of it
 * towards black (light backgrounds) or white (dark ones) that does, in 2 % steps: the hue
 * stays recognisable and text in it stays readable.
 */
export function withContrast(color: Rgb, backgrounds: readonly Rgb[], min: number): Rgb {
  const dark = luminance(backgrounds[0]!) < 0.2;
  const target = dark ? 255 : 0;
  for (let step = 0; step <= 50; step++) {
    const t = step / 50;
    const mixed = color.map((c) => Math.round(c + (target - c) * t)) as unknown as Rgb;
    if (backgrounds.every((bg) => contrast(mixed, bg) >= min)) return mixed;
  }
  return [target, target, target];
}
