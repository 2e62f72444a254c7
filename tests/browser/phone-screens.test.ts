/**
 * Issue #21's checks over whole pages: screenshots at phone widths in both themes for people
 * to look at (git-ignored `screenshots/`), and axe over every page in the dark theme and at
 * phone width, where the compact header and the TOC disclosure show.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { projectRoot } from "./build-site.ts";
import { PHONE, browserSuite, useBrowser } from "./harness.ts";
import { SEED_EN, SEED_JA, scrollThrough } from "./page-helpers.ts";

const { open } = useBrowser();
const { pages } = browserSuite();
const folder = join(projectRoot, "screenshots");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const shots = [320, 360, 390].flatMap((width) =>
  (["light", "dark"] as const).flatMap((colorScheme) => [
    { name: `phone-${width}-ja-${colorScheme}`, path: SEED_JA, width, colorScheme },
    { name: `phone-${width}-en-${colorScheme}`, path: SEED_EN, width, colorScheme },
  ]),
);

describe("phone screenshots", () => {
  test.each(shots)("$name", async ({ name, path, width, colorScheme }) => {
    const { page } = await open(path, { viewport: { width, height: 800 }, colorScheme });
    await scrollThrough(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
    mkdirSync(folder, { recursive: true });
    const png = await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});

/** axe's serious and critical violations on the page, described for a failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate("axe.run().then((r) => r.violations)")) as Array<{
    id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`);
}

describe("axe finds no serious or critical violations", () => {
  test.each(pages)("%s in the dark theme", async (path) => {
    const { page } = await open(path, { colorScheme: "dark" });
    const serious = await seriousViolations(page);
    expect(serious, `axe violations on ${path} (dark)`).toEqual([]);
  });

  test.each([SEED_JA, SEED_EN, "/ja/", "/en/"].flatMap((path) => (["light", "dark"] as const).map((colorScheme) => ({ path, colorScheme }))))(
    "$path on a phone, $colorScheme, with the TOC open",
    async ({ path, colorScheme }) => {
      const { page } = await open(path, { viewport: PHONE, colorScheme });
      await page.evaluate(() => document.querySelector<HTMLDetailsElement>("[data-toc-details]")?.setAttribute("open", ""));
      const serious = await seriousViolations(page);
      expect(serious, `axe violations on ${path} (phone, ${colorScheme})`).toEqual([]);
    },
  );
});
