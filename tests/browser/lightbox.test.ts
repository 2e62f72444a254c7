import { expect, test } from "vitest";
import { POLL, useBrowser } from "./harness.ts";
import { SEED_JA } from "./page-helpers.ts";

const { open } = useBrowser();

test("the lightbox opens from the keyboard, moves with the arrow keys, closes with Esc and gives focus back", async () => {
  const { page } = await open(SEED_JA);
  const media = page.locator(".article-body [data-full-src]");
  const fullSources = await media.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.fullSrc!));
  expect(fullSources.length).toBeGreaterThanOrEqual(2);

  // The keyboard way in: the control that the first picture's figure offers.
  const opener = page.locator(".article-body figure.media").first().locator("button").first();
  await opener.focus();
  await page.keyboard.press("Enter");

  const dialog = page.locator("dialog[open]");
  await expect.poll(() => dialog.count(), POLL).toBe(1);
  const shown = () => dialog.locator("img, video").first().getAttribute("src");
  await expect.poll(shown, POLL).toBe(fullSources[0]);
  expect(await page.evaluate(() => document.activeElement?.closest("dialog[open]") != null), "focus moves into the dialog").toBe(true);

  await page.keyboard.press("ArrowRight");
  await expect.poll(shown, POLL).toBe(fullSources[1]);
  await page.keyboard.press("ArrowLeft");
  await expect.poll(shown, POLL).toBe(fullSources[0]);
  await page.keyboard.press("ArrowLeft");
  await expect.poll(shown, POLL).toBe(fullSources.at(-1));

  await page.keyboard.press("Escape");
  await expect.poll(() => dialog.count(), POLL).toBe(0);
  expect(await opener.evaluate((el) => el === document.activeElement), "focus is back on the control that opened it").toBe(true);
});
