/**
 * Reading on a phone (issue #21): the TOC as a disclosure, a header title that is never cut,
 * the compact language switch, no `#` on touch, visible code chips, the code scroll cue,
 * search excerpts, neutral unsized media and a lightbox without a strip.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { contrast, type Rgb } from "../../src/site/contrast.ts";
import { DESKTOP, PHONE, POLL, useBrowser } from "./harness.ts";
import { SEED_EN, SEED_JA, horizontalOverflow, scrollThrough } from "./page-helpers.ts";
import { decodePng } from "./png-pixels.ts";

const { open } = useBrowser();
const at = (width: number) => ({ width, height: 740 });
const NARROW = [320, 360, 390];

/** A computed `rgb()`/`rgba()` colour as channels (alpha dropped: the colours tested are opaque). */
const rgb = (css: string): Rgb => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number) as unknown as Rgb;

describe("the table of contents", () => {
  test.each([...NARROW, 1000])("at %i px it is a closed disclosure under the title, and the article comes first", async (width) => {
    const { page } = await open(SEED_JA, { viewport: at(width) });
    const details = page.locator("[data-toc-details]");
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator("[data-toc] ol").first().isVisible()).toBe(false);
    const [title, summary, firstParagraph] = await Promise.all(
      ["h1", "[data-toc] summary", ".article-body > p"].map((s) => page.locator(s).first().evaluate((el) => el.getBoundingClientRect().toJSON())),
    );
    expect(summary.top).toBeGreaterThan(title.bottom);
    expect(summary.height).toBeLessThan(60);
    expect(firstParagraph.top, "the body starts on the first screen").toBeLessThan(740 * 0.6);
  });

  test("at 1280 px it is an open side column whose title is no control", async () => {
    const { page } = await open(SEED_JA, { viewport: DESKTOP });
    const details = page.locator("[data-toc-details]");
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open), POLL).toBe(true);
    expect(await page.locator("[data-toc] ol").first().isVisible()).toBe(true);
    await page.locator("[data-toc] summary").click({ force: true });
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator("[data-toc] summary").getAttribute("tabindex")).toBe("-1");
  });

  test("opened on a phone, it marks the section being read", async () => {
    const { page } = await open(SEED_JA, { viewport: PHONE });
    await page.locator("[data-toc] summary").click();
    const links = page.locator("[data-toc] a");
    await expect.poll(() => links.first().isVisible(), POLL).toBe(true);
    const target = decodeURIComponent((await links.nth(2).getAttribute("href"))!.slice(1));
    await page.evaluate((id) => {
      const heading = document.getElementById(id)!;
      scrollTo(0, heading.getBoundingClientRect().top + scrollY - 100);
    }, target);
    await expect
      .poll(() => page.locator('[data-toc] a[aria-current="location"]').getAttribute("href").then((h) => decodeURIComponent(h ?? "").slice(1)), POLL)
      .toBe(target);
  });
});

describe("the header", () => {
  test.each(NARROW.flatMap((width) => [SEED_JA, SEED_EN].map((path) => ({ width, path }))))(
    "at $width px the title of $path is whole and clear of the buttons",
    async ({ width, path }) => {
      const { page } = await open(path, { viewport: at(width) });
      const measure = await page.evaluate(() => {
        const text = document.querySelector(".site-title-text") as HTMLElement;
        const title = document.querySelector(".site-title")!.getBoundingClientRect();
        const header = document.querySelector(".site-header")!.getBoundingClientRect();
        const actions = document.querySelector(".site-header-actions")!.getBoundingClientRect();
        return { scrollWidth: text.scrollWidth, clientWidth: text.clientWidth, textHeight: text.getBoundingClientRect().height,
          titleRight: title.right, actionsLeft: actions.left, titleTop: title.top, titleBottom: title.bottom, header: header.toJSON() };
      });
      expect(measure.clientWidth).toBeGreaterThan(0);
      expect(measure.scrollWidth, "title text is cut").toBeLessThanOrEqual(measure.clientWidth);
      expect(measure.titleRight).toBeLessThanOrEqual(measure.actionsLeft);
      expect(measure.titleTop).toBeGreaterThanOrEqual(measure.header.top);
      expect(measure.titleBottom).toBeLessThanOrEqual(measure.header.bottom);
    },
  );

  test("on a phone the language switch is one link to the other language, named in full", async () => {
    const { page } = await open(SEED_JA, { viewport: PHONE });
    const switcher = page.locator(".lang-switcher");
    expect(await switcher.locator("a:visible, span.lang-current:visible").count()).toBe(1);
    const link = switcher.getByRole("link", { name: "English", exact: true });
    expect(await link.isVisible()).toBe(true);
    expect(await link.locator(".lang-short").innerText()).toBe("EN");
    expect((await link.locator(".lang-name").boundingBox())!.width, "the full name is not shown").toBeLessThanOrEqual(1);
    const box = await link.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(24); // WCAG 2.5.8 target size
  });

  test("on a wide screen both languages show by name", async () => {
    const { page } = await open(SEED_EN, { viewport: DESKTOP });
    expect(await page.locator(".lang-current:visible").innerText()).toBe("English");
    expect((await page.locator(".lang-switcher a:visible").innerText()).trim()).toBe("日本語");
  });

  test("the menu icon turns into × while the menu is open", async () => {
    const { page } = await open(SEED_JA, { viewport: PHONE });
    const button = page.locator("[data-menu-toggle]");
    const shown = () => Promise.all([".icon-menu", ".icon-close"].map((c) => button.locator(c).evaluate((el) => getComputedStyle(el).display !== "none")));
    expect(await shown()).toEqual([true, false]);
    await button.click();
    await expect.poll(shown, POLL).toEqual([false, true]);
    await button.click();
    await expect.poll(shown, POLL).toEqual([true, false]);
  });
});

describe("heading # links", () => {
  const opacities = (page: Page) => page.locator(".article-body .heading-anchor").evaluateAll((els) => els.map((el) => getComputedStyle(el).opacity));

  test("none shows on a touch screen, even after a tap on its heading", async () => {
    const { page } = await open(SEED_JA, { viewport: PHONE, hasTouch: true, isMobile: true });
    const heading = page.locator(".article-body h2").first();
    await heading.scrollIntoViewIfNeeded();
    await heading.tap();
    const all = await opacities(page);
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((o) => o === "0"), `opacities: ${all.join(",")}`).toBe(true);
  });

  test("with a mouse, hovering a heading shows its link; the keyboard reaches and shows it too", async () => {
    const { page } = await open(SEED_JA, { viewport: DESKTOP });
    const heading = page.locator(".article-body h2").first();
    const anchor = heading.locator(".heading-anchor");
    expect(await anchor.evaluate((el) => getComputedStyle(el).opacity)).toBe("0");
    await heading.hover();
    await expect.poll(() => anchor.evaluate((el) => getComputedStyle(el).opacity), POLL).toBe("1");
    await page.mouse.move(0, 700);
    await page.locator(".article-body h2").nth(1).locator(".heading-anchor").focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement!;
      return { anchor: el.classList.contains("heading-anchor"), opacity: getComputedStyle(el).opacity };
    });
    expect(focused).toEqual({ anchor: true, opacity: "1" });
  });
});

describe("inline code chips", () => {
  test.each(["light", "dark"] as const)("stand out from the page and keep AA text contrast (%s)", async (colorScheme) => {
    const { page } = await open(SEED_JA, { viewport: PHONE, colorScheme });
    const styles = await page.locator(".article-body li > code").first().evaluate((el) => ({
      chip: getComputedStyle(el).backgroundColor,
      text: getComputedStyle(el).color,
      page: getComputedStyle(document.body).backgroundColor,
    }));
    const [chip, text, pageBg] = [rgb(styles.chip), rgb(styles.text), rgb(styles.page)];
    expect(contrast(chip, pageBg), `chip ${styles.chip} on page ${styles.page}`).toBeGreaterThanOrEqual(1.2);
    expect(contrast(text, chip), `text ${styles.text} on chip ${styles.chip}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe("a code block that scrolls sideways", () => {
  test.each(["light", "dark"] as const)("shades the edge that has more code (%s)", async (colorScheme) => {
    const { page } = await open(SEED_JA, { viewport: PHONE, colorScheme });
    const pre = page.locator(".article-body pre").filter({ has: page.locator("code") }).first();
    const overflows = await pre.evaluate((el) => el.scrollWidth > el.clientWidth + 20);
    expect(overflows, "the seed page has a code block wider than a phone").toBe(true);
    await pre.scrollIntoViewIfNeeded();
    const edges = async () => {
      const shot = decodePng(await pre.screenshot());
      return { left: shot.pixel(2, 9), right: shot.pixel(shot.width - 3, 9), middle: shot.pixel(Math.round(shot.width / 2), 9) };
    };
    const diff = (a: number[], b: number[]) => a.reduce((sum, c, i) => sum + Math.abs(c - b[i]!), 0);
    const start = await edges();
    expect(diff(start.right, start.middle), "a shadow at the right edge").toBeGreaterThan(12);
    expect(diff(start.left, start.middle), "none at the left edge").toBeLessThan(6);
    await pre.evaluate((el) => el.scrollTo(el.scrollWidth, 0));
    const end = await edges();
    expect(diff(end.left, end.middle), "a shadow at the left edge").toBeGreaterThan(12);
    expect(diff(end.right, end.middle), "none at the right edge").toBeLessThan(6);
  });
});

describe("search excerpts", () => {
  test("トリガーワード is marked whole, and the excerpt starts at a phrase boundary", async () => {
    const { page } = await open("/ja/", { viewport: PHONE });
    await page.locator("header [data-search-open]:visible").first().click();
    await page.locator('dialog[open] input[type="search"]').fill("トリガーワード");
    const hit = page.locator(`dialog[open] a.search-hit[href="${SEED_JA}"] .search-excerpt`);
    await hit.waitFor();
    const marks = await hit.locator("mark").allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === "トリガーワード"), `marks: ${marks.join(" | ")}`).toBe(true);
    const text = (await hit.innerText()).trim();
    expect(text).not.toMatch(/^…?った/);
    if (text.startsWith("…")) {
      // Mid-sentence: it starts at a phrase, never at a particle, a word's tail or a closing bracket.
      expect(text.slice(1)).toMatch(/^[^\u3041-\u3096」』）)]/);
    } else {
      // Otherwise it starts a sentence of the page.
      const before = await page.evaluate(
        ([path, start]) => fetch(path).then((r) => r.text()).then((html) => {
          const doc = new DOMParser().parseFromString(html, "text/html");
          const body = (doc.querySelector(".article-body")?.textContent ?? "").replace(/\s+/g, "");
          const at = body.indexOf(start);
          return at < 0 ? "not found" : body.slice(Math.max(0, at - 1), at);
        }),
        [SEED_JA, text.replace(/\s+/g, "").slice(0, 12)] as const,
      );
      expect(before).toMatch(/^$|^[。！？.!?]$/);
    }
  });
});

describe("media and the lightbox", () => {
  test("media of unknown size sit in a box with no colour of its own", async () => {
    const { page } = await open(SEED_JA, { viewport: PHONE, colorScheme: "light" });
    const backgrounds = await page.locator(".media-unsized").evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(backgrounds.length).toBeGreaterThan(0);
    expect(new Set(backgrounds)).toEqual(new Set(["rgba(0, 0, 0, 0)"]));
  });

  test("the open lightbox covers the whole width: no strip where the scrollbar was", async () => {
    const { page } = await open(SEED_JA, { viewport: DESKTOP, colorScheme: "light" });
    await page.locator(".lightbox-open").first().focus();
    await page.keyboard.press("Enter");
    await page.locator("dialog.lightbox[open]").waitFor();
    const shot = decodePng(await page.screenshot());
    const inside = shot.pixel(5, 400);
    for (const x of [shot.width - 1, shot.width - 8, shot.width - 14]) {
      expect(shot.pixel(x, 400), `pixel at x=${x}`).toEqual(inside);
    }
  });
});

describe("no sideways scrolling at 320 px", () => {
  test.each([SEED_JA, SEED_EN, "/ja/", "/en/"])("%s", async (path) => {
    const { page } = await open(path, { viewport: at(320) });
    await scrollThrough(page);
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `sticking out: ${overflow.widest.join(", ")}`).toBeLessThanOrEqual(overflow.clientWidth);
  });
});
