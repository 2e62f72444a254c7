import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { useBrowser } from "./harness.ts";
import { SEED_EN, SEED_JA } from "./page-helpers.ts";

const { open } = useBrowser();

/** Opens the header's search dialog, types `query` and returns the result links' paths. */
async function search(page: Page, query: string, expected: string): Promise<string[]> {
  await page.locator("header [data-search-open]:visible").first().click();
  const field = page.locator('dialog[open] input[type="search"]');
  await field.fill(query);
  // Results arrive after Pagefind loads its index; wait for the one we expect, then read them all.
  await page.locator(`dialog[open] a[href^="${expected}"]`).first().waitFor();
  return page
    .locator("dialog[open] a[href]")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe("site search", () => {
  test("a Japanese query on a Japanese page finds the LoRA page, and only Japanese pages", async () => {
    const { page } = await open("/ja/");
    const paths = await search(page, "トリガーワード", SEED_JA);
    expect(paths).toContain(SEED_JA);
    expect(paths.filter((p) => p.startsWith("/en/"))).toEqual([]);
  });

  test("an English query on an English page finds the English LoRA page, and only English pages", async () => {
    const { page } = await open("/en/");
    const paths = await search(page, "trigger word", SEED_EN);
    expect(paths).toContain(SEED_EN);
    expect(paths.filter((p) => p.startsWith("/ja/"))).toEqual([]);
  });
});
