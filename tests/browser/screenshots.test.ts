/**
 * Screenshots of the seed page for people to look at (git-ignored `screenshots/`). The
 * assertions check that each variant really is what its name says.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { projectRoot } from "./build-site.ts";
import { DESKTOP, PHONE, useBrowser } from "./harness.ts";
import { SEED_EN, SEED_JA, scrollThrough } from "./page-helpers.ts";

const { open } = useBrowser();
const folder = join(projectRoot, "screenshots");

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => c / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const variants = [
  { name: "seed-desktop-ja", path: SEED_JA, viewport: DESKTOP, colorScheme: "light", lang: "ja" },
  { name: "seed-mobile-en", path: SEED_EN, viewport: PHONE, colorScheme: "light", lang: "en" },
  { name: "seed-desktop-ja-dark", path: SEED_JA, viewport: DESKTOP, colorScheme: "dark", lang: "ja" },
] as const;

test.each(variants)("screenshot $name", async ({ name, path, viewport, colorScheme, lang }) => {
  const { page } = await open(path, { viewport, colorScheme });
  await scrollThrough(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await page.getAttribute("html", "lang")).toBe(lang);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  if (colorScheme === "dark") expect(luminance(background), `dark background, got ${background}`).toBeLessThan(0.2);
  else expect(luminance(background), `light background, got ${background}`).toBeGreaterThan(0.8);

  mkdirSync(folder, { recursive: true });
  const png = await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
});
