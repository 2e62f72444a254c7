import { describe, expect, test } from "vitest";
import { DESKTOP, PHONE, useBrowser } from "./harness.ts";
import { SEED_JA, observeLayoutShift, readLayoutShift, scrollThrough, waitForImages } from "./page-helpers.ts";

const { newPage } = useBrowser();

describe("the seed page's images", () => {
  test.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ])("%s: both show at their declared size, with no layout shift after load or while scrolling", async (_, viewport) => {
    const { page } = await newPage({ viewport });
    await observeLayoutShift(page);
    await page.goto(SEED_JA, { waitUntil: "load" });
    await waitForImages(page);

    const afterLoad = await readLayoutShift(page);
    expect(afterLoad.total, `layout shifts after load: ${JSON.stringify(afterLoad.entries)}`).toBe(0);

    await scrollThrough(page);
    const afterScroll = await readLayoutShift(page);
    expect(afterScroll.total, `layout shifts while scrolling: ${JSON.stringify(afterScroll.entries)}`).toBe(0);

    const images = await page.locator(".article-body figure.media[data-media=image] img[data-full-src]").evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => ({
        src: img.currentSrc,
        loaded: img.complete && img.naturalWidth > 0,
        declared: Number(img.getAttribute("width")) / Number(img.getAttribute("height")),
        shown: img.getBoundingClientRect().width / img.getBoundingClientRect().height,
        visible: img.getBoundingClientRect().width > 0 && getComputedStyle(img).visibility !== "hidden",
      })),
    );
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.src).toMatch(/^https:\/\/[\w.]*gyazo\.com\//);
      expect(image.loaded, `${image.src} loaded`).toBe(true);
      expect(image.visible, `${image.src} visible`).toBe(true);
      expect(image.shown).toBeCloseTo(image.declared, 1);
    }
  });
});
