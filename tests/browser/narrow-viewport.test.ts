import type { Locator } from "playwright-core";
import { describe, expect, test } from "vitest";
import { PHONE, POLL, browserSuite, useBrowser } from "./harness.ts";
import { SEED_JA, horizontalOverflow, scrollThrough } from "./page-helpers.ts";

const { open } = useBrowser();
const { pages } = browserSuite();

/**
 * "none": hidden or entirely off screen (an off-canvas sidebar is "visible" to Playwright);
 * "all": shown and not cut off at the left or right edge; "part" otherwise.
 */
const onScreen = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const shown = style.display !== "none" && style.visibility !== "hidden" && Number(style.opacity) > 0;
    const inView = box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight;
    if (!shown || !inView) return "none";
    return box.left >= 0 && box.right <= document.documentElement.clientWidth + 1 ? "all" : "part";
  });

describe("at 360 px", () => {
  test("the menu button opens and closes the sidebar", async () => {
    const { page } = await open(SEED_JA, { viewport: PHONE });
    const button = page.locator("[data-menu-toggle]");
    const sidebar = page.locator(`#${await button.getAttribute("aria-controls")}`);
    expect(await button.isVisible(), "menu button is shown on a phone").toBe(true);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await onScreen(sidebar), "sidebar starts closed").toBe("none");

    await button.click();
    await expect.poll(() => button.getAttribute("aria-expanded"), POLL).toBe("true");
    await expect.poll(() => onScreen(sidebar), POLL).toBe("all");

    await button.click();
    await expect.poll(() => button.getAttribute("aria-expanded"), POLL).toBe("false");
    await expect.poll(() => onScreen(sidebar), POLL).toBe("none");

    // Esc closes it too, and hands focus back to the button.
    await button.click();
    await expect.poll(() => onScreen(sidebar), POLL).toBe("all");
    await page.keyboard.press("Escape");
    await expect.poll(() => onScreen(sidebar), POLL).toBe("none");
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test.each(pages)("%s does not scroll sideways", async (path) => {
    const { page } = await open(path, { viewport: PHONE });
    await scrollThrough(page);
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `wider than the viewport; sticking out: ${overflow.widest.join(", ")}`).toBeLessThanOrEqual(
      overflow.clientWidth,
    );
  });
});
