/**
 * What every browser test file uses: a connection to the shared Chromium, pages on the
 * built site whose external media come from fixtures, and a record of what went wrong
 * on them (console errors, script errors, failed requests, requests off the machine).
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import type { BrowserSuite } from "./global-setup.ts";
import { MEDIA_HOST, mediaFixture } from "./media-fixtures.ts";

/** A page of the built site and the problems seen on it so far. */
export interface SitePage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions, failed requests and HTTP errors, one line each. */
  problems: string[];
}

/** The desktop viewport the tests use unless they ask for another. */
export const DESKTOP = { width: 1280, height: 800 };
/** The narrow phone viewport of the issue (360 CSS px). */
export const PHONE = { width: 360, height: 740 };
/** For `expect.poll`: vitest's 1 s default is tight on a busy 2-core machine. */
export const POLL = { timeout: 5_000 };

// Any URL not on the loopback server (data: and blob: URLs never reach routing).
const OFF_MACHINE = /^(?!http:\/\/127\.0\.0\.1[:/])/;

/** The shared build, server and browser; throws the setup's own message when it failed. */
export function browserSuite(): BrowserSuite {
  const suite = inject("browserSuite");
  if (suite.error) throw new Error(suite.error);
  return suite;
}

/**
 * Connects the calling test file to the shared browser. Each test gets fresh contexts,
 * closed after it; a test fails if any of its pages asked for a host other than 127.0.0.1.
 */
export function useBrowser() {
  const suite = browserSuite();
  let browser: Browser | undefined;
  const opened: Array<{ context: BrowserContext; offMachine: string[] }> = [];

  beforeAll(async () => {
    browser = await chromium.connect(suite.wsEndpoint);
  });
  afterEach(async () => {
    const done = opened.splice(0);
    await Promise.all(done.map(({ context }) => context.close()));
    expect(done.flatMap((d) => d.offMachine), "requests to hosts other than 127.0.0.1").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A blank page in a fresh context (clipboard allowed, network closed), not yet navigated. */
  async function newPage(options: BrowserContextOptions = {}): Promise<SitePage> {
    if (!browser) throw new Error("useBrowser(): the browser is not connected yet (call newPage inside a test)");
    const context = await browser.newContext({ viewport: DESKTOP, ...options, baseURL: suite.origin });
    // Well under the test timeout, so a missing element fails with Playwright's own message.
    context.setDefaultTimeout(10_000);
    const offMachine: string[] = [];
    opened.push({ context, offMachine });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.origin });
    // Only requests that leave the machine are intercepted; the site's own go straight through.
    await context.route(OFF_MACHINE, async (route) => {
      const url = new URL(route.request().url());
      if (MEDIA_HOST.test(url.hostname)) {
        const { contentType, body } = mediaFixture(url.href, suite.mediaSizes);
        return route.fulfill({ status: 200, contentType, body, headers: { "access-control-allow-origin": "*" } });
      }
      offMachine.push(url.href);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    return { page, context, problems: watchProblems(page) };
  }

  /** Opens a path of the built site (`/ja/…/`) and waits for its load event. */
  async function open(path: string, options: BrowserContextOptions = {}): Promise<SitePage> {
    const site = await newPage(options);
    const response = await site.page.goto(path, { waitUntil: "load" });
    if (!response?.ok()) site.problems.push(`${path}: HTTP ${response?.status()} for the page itself`);
    return site;
  }

  return { suite, newPage, open };
}

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // A navigation cancels the previous page's pending requests; that is not a missing asset.
    if (reason !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
