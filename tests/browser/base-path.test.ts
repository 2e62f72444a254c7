/**
 * The whole site built with `--pathprefix=/repo/` and served only under /repo/, as GitHub
 * Pages serves a project site: no link, asset, fetch or redirect may leave the prefix.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BROWSER_SITE_URL, buildSite, listPages } from "./build-site.ts";
import { POLL, useBrowser } from "./harness.ts";
import { SEED_EN, SEED_JA } from "./page-helpers.ts";
import { serveStatic, type StaticServer } from "./server.ts";
import { atomFeed } from "../../src/site/atom-feed.ts";

const BASE = "/repo/";
const { newPage } = useBrowser();
let dir = "";
let server: StaticServer | undefined;
let pages: string[] = [];

beforeAll(async () => {
  dir = await buildSite({ pathPrefix: BASE });
  server = await serveStatic(dir, { basePath: BASE });
  pages = listPages(dir);
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A site path (`/ja/`) as the browser asks for it under the prefix. */
const at = (path: string) => `${server!.origin}${BASE}${path.replace(/^\//, "")}`;

/** Every URL the page's markup names (links, sources, srcsets, workflow files), resolved. */
function urlsInPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const urls: string[] = [];
    for (const el of document.querySelectorAll("[href], [src], [srcset], [data-workflow-src], [poster]")) {
      for (const name of ["href", "src", "data-workflow-src", "poster"]) {
        const value = el.getAttribute(name);
        if (value !== null) urls.push(new URL(value, document.baseURI).href);
      }
      for (const candidate of (el.getAttribute("srcset") ?? "").split(",")) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push(new URL(url, document.baseURI).href);
      }
    }
    return urls;
  });
}

/** Loopback URLs whose path is outside the prefix: each one would 404 on a project site. */
const escaping = (urls: string[]) => urls.filter((u) => u.startsWith(server!.origin) && !new URL(u).pathname.startsWith(BASE));

describe(`the site under ${BASE}`, () => {
  test("every page loads with all its assets, and nothing it links or requests leaves the prefix", async () => {
    // A language no home has: the root chooser stays instead of redirecting.
    const site = await newPage({ locale: "de-DE" });
    const requested: string[] = [];
    site.page.on("request", (request) => requested.push(request.url()));
    const named: string[] = [];
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const response = await site.page.goto(at(path), { waitUntil: "load" });
      expect(response?.status(), path).toBe(200);
      named.push(...(await urlsInPage(site.page)));
    }
    expect(escaping(named), "URLs in markup outside the prefix").toEqual([]);
    expect(escaping(requested), "requests outside the prefix").toEqual([]);
    // The hashed stylesheet and script, the icon and the manifest really were fetched.
    expect(requested.some((u) => /\/repo\/assets\/css\/site\.[0-9a-f]{10}\.css$/.test(u))).toBe(true);
    expect(requested.some((u) => /\/repo\/assets\/js\/main\.[0-9a-f]{10}\.js$/.test(u))).toBe(true);
    expect(requested).toContain(at("/assets/favicon.svg"));
    expect(site.problems, "console errors, failed requests, HTTP errors").toEqual([]);
  });

  test("absolute URLs (canonical, hreflang, Open Graph, JSON-LD, sitemap) carry the prefix", () => {
    const html = readFileSync(join(dir, SEED_JA, "index.html"), "utf8");
    const root = `${BROWSER_SITE_URL}${BASE}`;
    expect(html).toContain(`<link rel="canonical" href="${root}ja/basic-workflows/sd15-lora/">`);
    expect(html).toContain(`hreflang="en" href="${root}en/basic-workflows/sd15-lora/"`);
    expect(html).toContain(`<meta property="og:image" content="${root}assets/og-default.png">`);
    expect(JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!).url).toBe(`${root}ja/basic-workflows/sd15-lora/`);
    const locs = [...readFileSync(join(dir, "sitemap.xml"), "utf8").matchAll(/(?:<loc>|href=")([^<"]+)/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(5);
    expect(locs.filter((u) => !u.startsWith(root))).toEqual([]);
  });

  test("a missing page gets the root 404.html, whose assets still load", async () => {
    const site = await newPage();
    const response = await site.page.goto(at("/ja/no-such-page/"), { waitUntil: "load" });
    expect(response?.status()).toBe(404);
    expect(await site.page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe("");
    expect(site.problems.filter((p) => !p.includes("/ja/no-such-page/"))).toEqual([]);
    const home = await site.page.locator('a[data-lang-choice="en"]').getAttribute("href");
    expect(home).toBe(`${BASE}en/`);
  });

  test("the root chooser sends a reader to their language's home under the prefix", async () => {
    const { page } = await newPage({ locale: "en-US" });
    await page.goto(at("/"));
    await page.waitForURL(at("/en/"));
  });

  test("search loads Pagefind from the prefix and its results link under it", async () => {
    const site = await newPage();
    await site.page.goto(at("/en/"), { waitUntil: "load" });
    await site.page.locator("header [data-search-open]:visible").first().click();
    await site.page.locator('dialog[open] input[type="search"]').fill("trigger word");
    await site.page.locator(`dialog[open] a[href^="${BASE}en/"]`).first().waitFor();
    const links = await site.page.locator("dialog[open] a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((u) => new URL(u).pathname)).toContain(`${BASE}${SEED_EN.slice(1)}`);
    expect(escaping(links)).toEqual([]);
    expect(site.problems).toEqual([]);
  });

  test("Copy on a workflow block fetches the file from under the prefix", async () => {
    const site = await newPage();
    await site.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server!.origin });
    const { page } = site;
    await page.goto(at(SEED_JA), { waitUntil: "load" });
    const block = page.locator(".workflow-block").first();
    const src = await block.getAttribute("data-workflow-src");
    expect(src).toMatch(/^\/repo\/workflows\/.+\.json$/);
    await page.evaluate(() => navigator.clipboard.writeText("before"));
    await block.locator("button[data-workflow-copy]").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL).not.toBe("before");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(readFileSync(join(dir, src!.slice(BASE.length)), "utf8"));
  });

  test("each language's feed is well-formed Atom with the required elements and prefixed URLs", async () => {
    const { page } = await newPage();
    await page.goto(at("/ja/"), { waitUntil: "load" });
    for (const lang of ["ja", "en"]) {
      const response = await page.request.get(at(`/${lang}/feed.xml`));
      expect(response.status()).toBe(200);
      const feed = await parseAtom(page, await response.text());
      expect(feed).toMatchObject({ parseError: false, root: `${ATOM} feed`, feed: [1, 1, 1, 1] });
      expect(feed.self).toBe(`${BROWSER_SITE_URL}${BASE}${lang}/feed.xml`);
      // Entries need a date: git's (a full clone) or front matter `lastUpdated`.
      for (const entry of feed.entries) {
        expect(entry.counts).toEqual([1, 1, 1]);
        expect(entry.link?.startsWith(`${BROWSER_SITE_URL}${BASE}${lang}/`)).toBe(true);
        expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      }
    }
  });

  test("a feed whose titles need escaping still parses, and the text comes back intact", async () => {
    const { page } = await newPage();
    await page.goto(at("/ja/"), { waitUntil: "load" });
    const title = `<b>"LoRA" & 'ドット絵'</b>`;
    const xml = atomFeed(
      { title, lang: "ja", feedUrl: "https://guide.test/ja/feed.xml?a=1&b=2", homeUrl: "https://guide.test/ja/", author: "A & B" },
      [{ title, summary: "1 < 2 & 3 > 2", url: "https://guide.test/ja/a/?x=1&y=2", updated: "2026-01-31T00:00:00.000Z" }],
    );
    const feed = await parseAtom(page, xml);
    expect(feed).toMatchObject({ parseError: false, root: `${ATOM} feed`, feed: [1, 1, 1, 1], title });
    expect(feed.entries).toEqual([{ counts: [1, 1, 1], link: "https://guide.test/ja/a/?x=1&y=2", updated: "2026-01-31T00:00:00.000Z", title }]);
  });
});

const ATOM = "http://www.w3.org/2005/Atom";

/** Parses a feed with the browser's strict XML parser and reads what RFC 4287 requires. */
function parseAtom(page: Page, xml: string) {
  return page.evaluate(
    ({ xml, ns }) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const root = doc.documentElement;
      const child = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ns && c.localName === name);
      return {
        parseError: doc.getElementsByTagName("parsererror").length > 0,
        root: `${root.namespaceURI} ${root.localName}`,
        title: child(root, "title")[0]?.textContent ?? "",
        feed: ["id", "title", "updated", "author"].map((name) => child(root, name).length),
        self: child(root, "link").find((l) => l.getAttribute("rel") === "self")?.getAttribute("href"),
        entries: child(root, "entry").map((entry) => ({
          counts: ["id", "title", "updated"].map((name) => child(entry, name).length),
          link: child(entry, "link")[0]?.getAttribute("href"),
          updated: child(entry, "updated")[0]?.textContent ?? "",
          title: child(entry, "title")[0]?.textContent ?? "",
        })),
      };
    },
    { xml, ns: ATOM },
  );
}
