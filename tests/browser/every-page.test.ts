import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { browserSuite, useBrowser } from "./harness.ts";
import { SEED_EN, SEED_JA, scrollThrough } from "./page-helpers.ts";

const { open } = useBrowser();
const { pages } = browserSuite();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

test("the build has pages to test", () => {
  expect(pages.length).toBeGreaterThan(1);
});

describe("no console errors", () => {
  test.each(pages)("%s", async (path) => {
    const { page, problems } = await open(path);
    // Scrolling loads the lazy images and starts the clips, which can fail too.
    await scrollThrough(page);
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
  });
});

/** Runs axe-core in the page; returns the serious and critical violations, described for a failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate("axe.run().then((r) => r.violations)")) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`);
}

describe("axe-core finds no serious or critical violations", () => {
  test.each(pages)("%s", async (path) => {
    const { page } = await open(path);
    const serious = await seriousViolations(page);
    expect(serious.length, `axe violations on ${path}:\n${serious.join("\n")}`).toBe(0);
  });

  // Colour contrast differs in the dark theme; the seed pages show every component.
  test.each([SEED_JA, SEED_EN])("%s in dark mode", async (path) => {
    const { page } = await open(path, { colorScheme: "dark" });
    const serious = await seriousViolations(page);
    expect(serious.length, `axe violations on ${path} (dark):\n${serious.join("\n")}`).toBe(0);
  });
});
