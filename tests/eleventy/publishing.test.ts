/** Publishing through Eleventy: the site-URL check, hashed assets on every page, repository links, feeds, icon. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildToDir, buildToJson, projectRoot, TEST_SITE_URL, type BuiltPage } from "../helpers/eleventy.ts";
import { fixtureFiles, page, writeSite } from "../helpers/fixture-site.ts";

/** An error's message and its causes' (Eleventy wraps a plugin's error in its own). */
const messages = (error: unknown): string =>
  error instanceof Error ? `${error.message}\n${messages((error as { originalError?: unknown }).originalError ?? error.cause)}` : "";

const htmlFiles = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));

describe("a production build of the project", () => {
  test("refuses the placeholder URL of site.json without SITE_URL, writing nothing", async () => {
    const output = mkdtempSync(join(tmpdir(), "placeholder-"));
    const error = await buildToDir(projectRoot, output, {}).then(() => undefined, (e: Error) => e);
    expect(error?.message).toContain('content/_data/site.json:1:1: error: "url" in content/_data/site.json is the placeholder https://comfyui-guide.example');
    expect(error?.message).toContain("(site/placeholder-url)");
    expect(htmlFiles(output)).toEqual([]);
  });

  test("refuses an invalid SITE_URL", async () => {
    const output = mkdtempSync(join(tmpdir(), "bad-url-"));
    const error = await buildToDir(projectRoot, output, { siteUrl: "guide.test" }).then(() => undefined, (e: Error) => e);
    expect(messages(error)).toContain('content/_data/site.json:1:1: error: SITE_URL "guide.test" must be an absolute http(s) URL');
  });

  test("rendering without writing (like npm start's pages) needs no SITE_URL", async () => {
    const pages = await buildToJson();
    expect(pages.find((p) => p.url === "/ja/")?.content).toContain('<link rel="canonical" href="https://comfyui-guide.example/ja/">');
  });
});

describe("a production build with SITE_URL", () => {
  let out: string;
  beforeAll(async () => {
    out = await buildToDir(projectRoot, undefined, { siteUrl: TEST_SITE_URL });
  });

  test("every page references the hashed stylesheet, and every layout page the hashed script, that exist", () => {
    const [css] = readdirSync(join(out, "assets/css"));
    const [js] = readdirSync(join(out, "assets/js"));
    const files = htmlFiles(out).filter((f) => !f.startsWith("pagefind"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const html = readFileSync(join(out, file), "utf8");
      const refs = [...html.matchAll(/(?:href|src)="(\/assets\/(?:js|css)\/[^"]+)"/g)].map((m) => m[1]!);
      expect(refs, file).toContain(`/assets/css/${css}`);
      if (html.includes('class="site-header"')) expect(refs, file).toContain(`/assets/js/${js}`);
      for (const ref of refs) expect(existsSync(join(out, ref)), `${file} → ${ref}`).toBe(true);
      expect(html, file).not.toMatch(/\/assets\/(js\/main|css\/site)\.(js|css)"/);
    }
  });

  test("writes the headers file, the manifest and the default icon every page links", () => {
    const headers = readFileSync(join(out, "_headers"), "utf8");
    expect(headers).toContain("/workflows/*\n  Access-Control-Allow-Origin: *");
    expect(headers).toContain("/workflow-previews/*\n  Access-Control-Allow-Origin: *");
    expect(headers).toContain("/assets/js/*\n  Cache-Control: public, max-age=31536000, immutable");
    const manifest = JSON.parse(readFileSync(join(out, "manifest.webmanifest"), "utf8"));
    expect(manifest).toMatchObject({ start_url: "/", scope: "/", icons: [{ src: "/assets/favicon.svg", type: "image/svg+xml" }] });
    expect(existsSync(join(out, "assets/favicon.svg"))).toBe(true);
    const home = readFileSync(join(out, "ja/index.html"), "utf8");
    expect(home).toContain('<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">');
    expect(home).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(home).toContain('<link rel="alternate" type="application/atom+xml" href="/ja/feed.xml"');
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('<link rel="icon" href="/assets/favicon.svg"');
  });

  test("the project names no repository: no edit or report links", () => {
    const html = readFileSync(join(out, "ja/basic-workflows/sd15-lora/index.html"), "utf8");
    expect(html).not.toContain("footer-edit");
    expect(html).not.toContain("footer-report");
  });
});

describe("a site with a repository, an icon of its own and dated pages", () => {
  let pages: BuiltPage[];
  let out: string;
  beforeAll(async () => {
    const files = fixtureFiles();
    files["content/_data/site.json"] = JSON.stringify({
      url: "https://guide.test",
      repository: { url: "https://github.com/owner/guide", branch: "main" },
      favicon: "/img/icon.png",
      themeColor: "#112233",
    });
    files["content/ja/guide/a.md"] = files["content/ja/guide/a.md"]!.replace("---\n", "---\nlastUpdated: 2025-02-03\n");
    files["content/en/guide/a.md"] = page({ layout: "page.njk", lang: "en", slug: "a", title: "A & <b>", summary: "A summary", permalink: "/en/guide/a/", lastUpdated: "2025-04-05" }, "Text\n");
    pages = await buildToJson(writeSite(files));
    // A second copy: Eleventy caches compiled layouts per input folder across instances in
    // one process (LayoutCache), with the filters of the build that compiled them.
    out = await buildToDir(writeSite(files), undefined, { pathPrefix: "/repo/", siteUrl: "https://owner.github.io/repo" });
  });
  const at = (url: string) => pages.find((p) => p.url === url)!.content;

  test("a guide page links to its file's edit screen and to a prefilled issue", () => {
    const html = at("/ja/guide/a/");
    expect(html).toContain('<a class="footer-edit" href="https://github.com/owner/guide/edit/main/content/ja/guide/a.md">このページを編集</a>');
    const report = new URL(/<a class="footer-report" href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
    expect(report.pathname).toBe("/owner/guide/issues/new");
    expect(report.searchParams.get("body")).toContain("https://guide.test/ja/guide/a/");
  });

  test("generated pages get a report link but no edit link", () => {
    const html = at("/en/404.html");
    expect(html).toContain('class="footer-report"');
    expect(html).not.toContain('class="footer-edit"');
  });

  test("front matter lastUpdated is shown in the article header", () => {
    expect(at("/ja/guide/a/")).toContain('<p class="article-updated"><time datetime="2025-02-03">最終更新: 2025年2月3日</time></p>');
    expect(at("/en/guide/a/")).toContain('<time datetime="2025-04-05">Last updated: April 5, 2025</time>');
    expect(at("/ja/guide/b/")).not.toContain("article-updated"); // no git, no front matter
  });

  test("each language's feed lists its dated guide pages only", () => {
    const ja = at("/ja/feed.xml");
    expect([...ja.matchAll(/<entry>\s*<id>([^<]+)/g)].map((m) => m[1])).toEqual(["https://guide.test/ja/guide/a/"]);
    expect(ja).toContain("<updated>2025-02-03T00:00:00.000Z</updated>");
    const en = at("/en/feed.xml");
    expect(en).toContain("<title>A &amp; &lt;b&gt;</title>");
    expect(en).toContain('xml:lang="en"');
  });

  test("the site's icon and theme colour replace the defaults, in pages and manifest", () => {
    expect(at("/ja/")).toContain('<link rel="icon" href="/img/icon.png" type="image/png">');
    expect(at("/ja/")).toContain('<meta name="theme-color" content="#112233">');
    expect(JSON.parse(at("/manifest.webmanifest")).icons).toEqual([{ src: "/img/icon.png", sizes: "512x512", type: "image/png" }]);
  });

  test("under a base path, the feed, manifest, headers and the repository links' page URL carry it", () => {
    expect(readFileSync(join(out, "ja/feed.xml"), "utf8")).toContain("<id>https://owner.github.io/repo/ja/guide/a/</id>");
    expect(JSON.parse(readFileSync(join(out, "manifest.webmanifest"), "utf8"))).toMatchObject({ start_url: "/repo/", icons: [{ src: "/repo/img/icon.png" }] });
    expect(readFileSync(join(out, "_headers"), "utf8")).toContain("/repo/workflows/*\n  Access-Control-Allow-Origin: *");
    const html = readFileSync(join(out, "ja/guide/a/index.html"), "utf8");
    expect(decodeURIComponent(/<a class="footer-report" href="([^"]+)"/.exec(html)![1]!)).toContain("https://owner.github.io/repo/ja/guide/a/");
    expect(html).toContain('<a class="footer-edit" href="https://github.com/owner/guide/edit/main/content/ja/guide/a.md">');
  });
});
