import { readFileSync } from "node:fs";
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
