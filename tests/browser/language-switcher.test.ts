import { expect, test } from "vitest";
import { useBrowser } from "./harness.ts";
import { SEED_EN, SEED_JA } from "./page-helpers.ts";

const { open } = useBrowser();

test("the language switcher goes from the Japanese LoRA page to the English one and back", async () => {
  const { page } = await open(SEED_JA);
  const switchTo = (lang: string) => page.locator(`a[hreflang="${lang}"]:visible`).first();

  await Promise.all([page.waitForURL((url) => url.pathname === SEED_EN), switchTo("en").click()]);
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  expect(await page.locator("h1").first().textContent()).toContain("LoRA");

  await Promise.all([page.waitForURL((url) => url.pathname === SEED_JA), switchTo("ja").click()]);
  expect(await page.locator("html").getAttribute("lang")).toBe("ja");
});
