import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { projectRoot } from "./build-site.ts";
import { POLL, useBrowser } from "./harness.ts";
import { SEED_JA } from "./page-helpers.ts";

const { open } = useBrowser();

const WORKFLOW = "/workflows/basic-workflows/sd15-lora/SD1.5_lora.json";
const onDisk = () => readFileSync(join(projectRoot, WORKFLOW));

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("the SD1.5_lora.json workflow block", () => {
  test("Copy puts exactly the file's text on the clipboard", async () => {
    const { page } = await open(SEED_JA);
    const block = page.locator(`.workflow-block[data-workflow-src="${WORKFLOW}"]`);
    // Something else on the clipboard first, so a Copy that does nothing cannot pass.
    await page.evaluate(() => navigator.clipboard.writeText("before"));
    await block.locator("button[data-workflow-copy]").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL).not.toBe("before");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(onDisk().toString("utf8"));
    await expect.poll(() => block.locator(".workflow-copy-status").textContent(), POLL).not.toBe("");
  });

  test("Download saves the file byte for byte, under its own name", async () => {
    const { page } = await open(SEED_JA);
    const link = page.locator(`.workflow-block[data-workflow-src="${WORKFLOW}"] a[download]`);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("SD1.5_lora.json");
    const bytes = await readAll(await download.createReadStream());
    expect(bytes.equals(onDisk()), "downloaded bytes equal the file in workflows/").toBe(true);
  });
});

describe("drag to ComfyUI and paste (issue #19)", () => {
  const comfyPasteAccepts = (text: string) => {
    // ComfyUI's paste (usePaste.ts) loads text as a workflow only with version, nodes and extra.
    const data = JSON.parse(text) as Record<string, unknown>;
    return "version" in data && Array.isArray(data["nodes"]) && typeof data["extra"] === "object" && data["extra"] !== null;
  };

  for (const handle of [".workflow-download", ".workflow-preview img"]) {
    test(`a drag from ${handle} carries the file's absolute URL, which serves its exact bytes`, async () => {
      const { page } = await open(SEED_JA);
      const block = page.locator(`.workflow-block[data-workflow-src="${WORKFLOW}"]`);
      const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
      await block.locator(handle).dispatchEvent("dragstart", { dataTransfer });
      const uri = await dataTransfer.evaluate((dt) => dt.getData("text/uri-list"));
      expect(uri).toBe(new URL(WORKFLOW, page.url()).href);
      expect(await dataTransfer.evaluate((dt) => dt.getData("text/x-moz-url"))).toBe(`${uri}\nSD1.5_lora.json`);
      const response = await fetch(uri);
      expect(response.ok).toBe(true);
      expect(Buffer.from(await response.arrayBuffer()).equals(onDisk())).toBe(true);
    });
  }

  test("ComfyUI on another origin can fetch the dragged URI: exact bytes, with the CORS header from _headers", async () => {
    const { page } = await open(SEED_JA);
    const uri = new URL(WORKFLOW, page.url()).href;
    // A stand-in for ComfyUI: a page on another origin (another port on loopback).
    const comfy = createServer((_, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>ComfyUI</title>"));
    await new Promise<void>((resolve) => comfy.listen(0, "127.0.0.1", resolve));
    try {
      await page.goto(`http://127.0.0.1:${(comfy.address() as AddressInfo).port}/`);
      const fetched = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return { text: await response.text(), type: response.type };
      }, uri);
      // A cross-origin fetch in CORS mode succeeds only when the server allows the origin.
      expect(fetched.type).toBe("cors");
      expect(fetched.text).toBe(onDisk().toString("utf8"));
      expect((await fetch(uri)).headers.get("access-control-allow-origin")).toBe("*");
    } finally {
      comfy.closeAllConnections();
      comfy.close();
    }
  });

  test("the preview SVG carries the workflow where ComfyUI reads a dropped SVG", async () => {
    const { page } = await open(SEED_JA);
    const src = await page.locator(`.workflow-block[data-workflow-src="${WORKFLOW}"] .workflow-preview img`).getAttribute("src");
    const svg = await (await fetch(new URL(src!, page.url()))).text();
    const match = /<metadata>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/metadata>/i.exec(svg);
    expect(JSON.parse(match![1]!)).toEqual({ workflow: JSON.parse(onDisk().toString("utf8")) });
  });

  test("Copy's text is what ComfyUI's paste accepts", async () => {
    const { page } = await open(SEED_JA);
    const block = page.locator(`.workflow-block[data-workflow-src="${WORKFLOW}"]`);
    await page.evaluate(() => navigator.clipboard.writeText("before"));
    await block.locator("button[data-workflow-copy]").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL).not.toBe("before");
    expect(comfyPasteAccepts(await page.evaluate(() => navigator.clipboard.readText()))).toBe(true);
  });
});

describe("the preview viewer (issue #19)", () => {
  const scaleOf = (page: import("playwright-core").Page) =>
    page.locator(".workflow-viewer-stage img").evaluate((img) => new DOMMatrixReadOnly(getComputedStyle(img).transform).a);

  test("the preview opens in a dialog with zoom (keys, buttons, wheel), pan and reset", async () => {
    const { page } = await open(SEED_JA);
    const block = page.locator(`.workflow-block[data-workflow-src="${WORKFLOW}"]`);
    // The seed block follows a screenshot, so its preview starts folded.
    await block.locator(".workflow-preview-fold > summary").click();
    await block.locator(".workflow-preview").click();
    const dialog = page.locator("dialog.workflow-viewer");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open), POLL).toBe(true);
    const first = await scaleOf(page);
    await page.keyboard.press("+");
    expect(await scaleOf(page)).toBeCloseTo(first * 1.25, 3);
    await dialog.locator(".workflow-viewer-out").click();
    expect(await scaleOf(page)).toBeCloseTo(first, 3);
    const box = (await dialog.locator(".workflow-viewer-stage").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => scaleOf(page), POLL).toBeGreaterThan(first);
    const before = await page.locator(".workflow-viewer-stage img").evaluate((img) => new DOMMatrixReadOnly(getComputedStyle(img).transform).e);
    await page.keyboard.press("ArrowLeft");
    const after = await page.locator(".workflow-viewer-stage img").evaluate((img) => new DOMMatrixReadOnly(getComputedStyle(img).transform).e);
    expect(after).toBeGreaterThan(before);
    await dialog.locator(".workflow-viewer-reset").click();
    expect(await scaleOf(page)).toBeCloseTo(first, 3);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open), POLL).toBe(false);
  });

  test("on a 390 px phone the first view shows the graph at a legible width", async () => {
    const { page } = await open(SEED_JA, { viewport: { width: 390, height: 844 } });
    const block = page.locator(`.workflow-block[data-workflow-src="${WORKFLOW}"]`);
    await block.locator(".workflow-preview-fold > summary").click();
    await block.locator(".workflow-preview").click();
    const width = await page.locator(".workflow-viewer-stage img").evaluate((img) => img.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(679);
  });
});
