/** Small in-page measurements the browser tests share: scrolling, images, layout shift. */
import type { Page } from "playwright-core";

/** The seed page, the one every feature shows up on. */
export const SEED_JA = "/ja/basic-workflows/sd15-lora/";
/** Its English translation. */
export const SEED_EN = "/en/basic-workflows/sd15-lora/";

/**
 * Sums layout-shift entries as Chrome's CLS does (shifts right after input excluded).
 * A string, not a function: it runs before any page script, and a string is never
 * rewritten by the test transpiler.
 */
const LAYOUT_SHIFT_OBSERVER = `
  window.__layoutShift = { total: 0, entries: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__layoutShift.total += entry.value;
      window.__layoutShift.entries.push({
        value: entry.value,
        sources: (entry.sources || []).map((s) => s.node ? s.node.nodeName + (s.node.className ? "." + String(s.node.className).trim().replace(/\\s+/g, ".") : "") : "?"),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
`;

/** Starts recording layout shifts on every document the page loads from now on. */
export async function observeLayoutShift(page: Page): Promise<void> {
  await page.addInitScript({ content: LAYOUT_SHIFT_OBSERVER });
}

/** Layout shift recorded so far, with the elements that moved (for failure messages). */
export async function readLayoutShift(page: Page): Promise<{ total: number; entries: Array<{ value: number; sources: string[] }> }> {
  // Two frames, so shifts from the last change are reported before reading.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate("window.__layoutShift");
}

/**
 * In-page test: whether every image has loaded that can, with `all` false only those in
 * the viewport. An image that is not rendered (display: none, or inside a closed
 * `<details>`, whose content Chromium keeps boxes for) never loads lazily, so it is not
 * waited for. A string, shared by the two helpers below, for the same reason as above.
 */
const IMAGES_SETTLED = `(all) => Array.from(document.images).every((img) => {
  const box = img.getBoundingClientRect();
  const hidden = img.getClientRects().length === 0 || img.closest("details:not([open]) > :not(summary)") !== null;
  return img.complete || hidden || (!all && (box.bottom < 0 || box.top > innerHeight));
})`;

/** Waits until the images in the viewport have loaded, or with "all" every image (lazy ones must have started). */
export async function waitForImages(page: Page, scope: "in-view" | "all" = "in-view"): Promise<void> {
  await page.waitForFunction(`(${IMAGES_SETTLED})(${scope === "all"})`);
}

/**
 * Scrolls to the bottom in steps of 80 % of the viewport, waiting at each step for the
 * images in view to load (lazy images start as they come near), then for all of them.
 * One round trip: the loop runs inside the page.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const inViewLoaded = () => (${IMAGES_SETTLED})(false);
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    for (let step = 0; step < 200; step++) {
      scrollBy(0, Math.round(innerHeight * 0.8));
      await frame();
      for (let wait = 0; wait < 300 && !inViewLoaded(); wait++) await frame();
      if (innerHeight + scrollY >= document.documentElement.scrollHeight - 1) break;
    }
  })()`);
  await waitForImages(page, "all");
}

/** How far the page is wider than its viewport, and a few elements that stick out (for failure messages). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const widest = Array.from(document.body.querySelectorAll("*"))
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      // Content of a scrolling box (a code block, a table) sticks out of the box, not the page.
      .filter((el) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== "visible") return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
}
