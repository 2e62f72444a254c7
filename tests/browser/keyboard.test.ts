import { expect, test } from "vitest";
import { useBrowser } from "./harness.ts";
import { SEED_JA } from "./page-helpers.ts";

const { open } = useBrowser();

/** Describes the focused element, for readable failures. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: "body", inHeader: false, isSearch: false, href: null, inDialog: false };
  return {
    tag: el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : ""),
    inHeader: !!el.closest("header"),
    isSearch: el.matches("[data-search-open]"),
    href: el instanceof HTMLAnchorElement ? new URL(el.href).pathname : null,
    inDialog: !!el.closest("dialog[open]"),
  };
})()`;

interface Focused {
  tag: string;
  inHeader: boolean;
  isSearch: boolean;
  href: string | null;
  inDialog: boolean;
}

test("keyboard only: Tab through the header to search, type, Tab to a result, Enter opens it", async () => {
  const { page } = await open("/ja/");
  const path: Focused[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const focused = (await page.evaluate(FOCUSED)) as Focused;
    path.push(focused);
    if (focused.isSearch) break;
  }
  const trail = path.map((f) => f.tag).join(" → ");
  expect(path.at(-1)?.isSearch, `search button reached by Tab: ${trail}`).toBe(true);
  expect(path.at(-1)?.inHeader, "the search button is in the header").toBe(true);

  await page.keyboard.press("Enter");
  const field = page.locator('dialog[open] input[type="search"]');
  await field.waitFor();
  expect(await field.evaluate((el) => el === document.activeElement), "focus lands in the search field").toBe(true);

  await page.keyboard.type("トリガーワード");
  await page.locator(`dialog[open] a[href^="${SEED_JA}"]`).first().waitFor();
  let focused = (await page.evaluate(FOCUSED)) as Focused;
  for (let i = 0; i < 10 && !focused.href?.startsWith(SEED_JA); i++) {
    await page.keyboard.press("Tab");
    focused = (await page.evaluate(FOCUSED)) as Focused;
    expect(focused.inDialog, "Tab stays inside the open search dialog").toBe(true);
  }
  expect(focused.href, "a result link reached by Tab").toMatch(new RegExp(`^${SEED_JA}`));

  await Promise.all([page.waitForURL((url) => url.pathname === SEED_JA), page.keyboard.press("Enter")]);
  expect(await page.locator("html").getAttribute("lang")).toBe("ja");
});
