/**
 * YouTube facades in a real browser: the poster stays a link until clicked, then the
 * youtube-nocookie.com player takes its place in the same 16:9 box. The facade is laid
 * into the seed page as the build renders it; YouTube's hosts are answered locally.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { renderYouTubeFacade } from "../../src/media/render-youtube.ts";
import { POLL, useBrowser } from "./harness.ts";
import { SEED_EN } from "./page-helpers.ts";

const { newPage } = useBrowser();
const ID = "dQw4w9WgXcQ";
const FACADE = renderYouTubeFacade({ id: ID, start: 65 }, "A demo", "en", (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;"));
// A 1×1 PNG for the thumbnail.
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** Serves the seed page with the facade in its body, and YouTube's hosts from here; returns the YouTube requests. */
async function withFacade(page: Page): Promise<string[]> {
  const youtube: string[] = [];
  await page.route(`**${SEED_EN}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<div class="article-body">', `<div class="article-body">${FACADE}`);
    await route.fulfill({ response, body: html });
  });
  await page.route(/^https:\/\/(i\.ytimg\.com|www\.youtube-nocookie\.com|www\.youtube\.com)\//, (route) => {
    youtube.push(route.request().url());
    const image = route.request().url().includes("i.ytimg.com");
    return route.fulfill({ status: 200, contentType: image ? "image/png" : "text/html", body: image ? PIXEL : "<p>player</p>" });
  });
  return youtube;
}

test("a click swaps the poster for the youtube-nocookie player, at the same 16:9 size", async () => {
  const { page, problems } = await newPage();
  const requests = await withFacade(page);
  await page.goto(SEED_EN, { waitUntil: "load" });
  const figure = page.locator("figure.youtube");
  const before = await figure.boundingBox();
  expect(before!.width / (await page.locator(".youtube-link").boundingBox())!.height).toBeCloseTo(16 / 9, 1);
  expect(requests.every((url) => url.startsWith("https://i.ytimg.com/")), "only the thumbnail before the click").toBe(true);
  expect(await page.locator("figure.youtube iframe").count()).toBe(0);

  await page.locator(".youtube-link").click();
  const player = page.locator("figure.youtube iframe.youtube-player");
  await expect.poll(() => player.count(), POLL).toBe(1);
  expect(await player.getAttribute("src")).toBe(`https://www.youtube-nocookie.com/embed/${ID}?autoplay=1&start=65`);
  expect(await player.getAttribute("title")).toBe("A demo");
  expect(await page.locator(".youtube-link").count()).toBe(0);
  const box = (await player.boundingBox())!;
  expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
  expect(problems).toEqual([]);
});

test("without JavaScript the facade is a plain link to the video", async () => {
  const { page } = await newPage({ javaScriptEnabled: false });
  await withFacade(page);
  await page.goto(SEED_EN, { waitUntil: "load" });
  expect(await page.locator(".youtube-link").getAttribute("href")).toBe(`https://www.youtube.com/watch?v=${ID}&t=65s`);
  expect(await page.locator("iframe").count()).toBe(0);
});
