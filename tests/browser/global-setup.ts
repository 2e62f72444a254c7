/**
 * Runs once per `vitest run` for the browser project: one production build, one static
 * server, one Chromium. Test files read what they need with `inject("browserSuite")`.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite, listPages } from "./build-site.ts";
import { findChromium, launchChromiumServer } from "./chromium.ts";
import { collectMediaSizes, type MediaSize } from "./media-fixtures.ts";
import { serveStatic } from "./server.ts";

/** What the setup hands to the test files; `error` is set instead when it could not start. */
export interface BrowserSuite {
  error?: string;
  origin: string;
  outputDir: string;
  pages: string[];
  wsEndpoint: string;
  mediaSizes: Record<string, MediaSize>;
}

declare module "vitest" {
  export interface ProvidedContext {
    browserSuite: BrowserSuite;
  }
}

/** Builds, serves and starts Chromium; the returned function stops them and deletes the build. */
export default async function setup(project: TestProject) {
  const cleanups: Array<() => Promise<unknown> | void> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    // Building and starting the browser are independent; overlapping them saves seconds.
    const [built, launched] = await Promise.allSettled([
      buildSite(),
      Promise.resolve().then(() => launchChromiumServer(findChromium())),
    ]);
    if (built.status === "fulfilled") cleanups.push(() => rmSync(built.value, { recursive: true, force: true }));
    if (launched.status === "fulfilled") cleanups.push(() => launched.value.close());
    if (launched.status === "rejected") throw launched.reason;
    if (built.status === "rejected") throw built.reason;
    const [outputDir, browser] = [built.value, launched.value];
    const server = await serveStatic(outputDir);
    cleanups.push(() => server.close());
    const pages = listPages(outputDir);
    const mediaSizes: Record<string, MediaSize> = {};
    for (const page of pages) {
      const file = page.endsWith("/") ? `${page}index.html` : page;
      collectMediaSizes(readFileSync(join(outputDir, file), "utf8"), mediaSizes);
    }
    project.provide("browserSuite", { origin: server.origin, outputDir, pages, wsEndpoint: browser.wsEndpoint(), mediaSizes });
  } catch (error) {
    // Failing here would stop the unit tests too; each browser test file reports this instead.
    await teardown();
    const message = error instanceof Error ? error.message : String(error);
    project.provide("browserSuite", { error: message, origin: "", outputDir: "", pages: [], wsEndpoint: "", mediaSizes: {} });
  }
  return teardown;
}
