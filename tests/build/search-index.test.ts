import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  closeSearchIndexer, isSearchable, pageUrl, writeSearchIndex, type IndexFiles, type SearchIndexReport,
} from "../../src/build/search-index.ts";
import { DiskCache } from "../../src/util/disk-cache.ts";
import { writeSite } from "../helpers/fixture-site.ts";
import { searchSite } from "../helpers/pagefind-search.ts";

const html = (lang: string, body: string, attrs = " data-pagefind-body") =>
  `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><nav>ナビゲーション sidebar</nav>` +
  `<article${attrs}>${body}</article></body></html>`;

const site: Record<string, string> = {
  "ja/basic-workflows/sd15-lora/index.html": html("ja",
    '<h1>LoRA</h1><p>拡張パックのような追加データです。</p><aside class="toc" data-toc><a href="#t">目次</a></aside>' +
    '<h2 id="t">トリガーワード<a class="heading-anchor" href="#t">#</a></h2><p>内部的にはドット絵を描く能力が上乗せされています。</p>' +
    '<section class="workflow-block" data-workflow-src="/workflows/a.json"><p>ダウンロード</p></section>'),
  "en/basic-workflows/sd15-lora/index.html": html("en", "<h1>LoRA</h1><h2 id=\"t\">Trigger words</h2><p>Pixel art needs a trigger word.</p>"),
  "en/basic-workflows/sd15-text2image/index.html": html("en", "<h1>text2image</h1><p>Placeholder: not translated yet, トリガーワード</p>", ""),
  "404.html": html("ja", "<h1>404</h1><p>エラー トリガーワード</p>", ""),
};

/** Every file under `dir`, site-relative path → bytes, in path order. */
function filesUnder(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const paths = files.map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  return new Map(paths.map((p) => [p, readFileSync(join(dir, p))]));
}

let out: string;
let report: SearchIndexReport;
beforeAll(async () => {
  out = writeSite(site);
  report = await writeSearchIndex(out);
});
afterAll(() => closeSearchIndexer());

describe("writeSearchIndex", () => {
  test("writes one index per <html lang>, with only the marked pages", () => {
    const entry = JSON.parse(readFileSync(join(out, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "ja"]);
    expect(entry.languages.ja.page_count).toBe(1);
    expect(entry.languages.en.page_count).toBe(1);
    expect(existsSync(join(out, "pagefind/pagefind.js"))).toBe(true);
  });

  test.each(["トリガーワード", "ドット絵", "拡張パック"])("the Japanese query %s finds the LoRA page", async (query) => {
    const found = await searchSite(out, "ja", query);
    expect(found.map((f) => f.url)).toEqual(["/ja/basic-workflows/sd15-lora/"]);
    expect(found[0]!.title).toBe("LoRA");
    expect(found[0]!.excerpt).toContain("<mark>");
  });

  test("an English query finds the English page, not the Japanese one", async () => {
    expect((await searchSite(out, "en", "trigger")).map((f) => f.url)).toEqual(["/en/basic-workflows/sd15-lora/"]);
    expect(await searchSite(out, "en", "ドット絵")).toEqual([]);
  });

  test.each(["ナビゲーション", "目次", "ダウンロード", "エラー"])(
    "nav, TOC, workflow blocks, placeholders and 404s are not searchable: %s",
    async (query) => expect(await searchSite(out, "ja", query)).toEqual([]),
  );

  test("untranslated placeholders stay out of the English index", async () => {
    expect(await searchSite(out, "en", "placeholder")).toEqual([]);
  });

  test("reports exactly the marked pages, in path order", () => {
    expect(report.pages).toEqual(["/en/basic-workflows/sd15-lora/", "/ja/basic-workflows/sd15-lora/"]);
  });
});

describe("writeSearchIndex over many pages", () => {
  // Placeholders between the marked pages, in several folders.
  const many: Record<string, string> = {};
  for (let i = 0; i < 24; i++) {
    const lang = i % 2 ? "en" : "ja";
    many[`${lang}/s${i % 5}/p${i}/index.html`] = html(lang, `<h1>Page ${i}</h1><p>${lang === "ja" ? "ノード" : "node"} ${"word".repeat(i)} ${i}</p>`);
    if (i % 4 === 0) many[`${lang}/s${i % 5}/p${i}-soon/index.html`] = html(lang, `<h1>Soon ${i}</h1><p>placeholder</p>`, "");
  }

  test("the same folder gives the same index, byte for byte, and only the marked pages are in it", async () => {
    const dir = writeSite(many);
    const { pages } = await writeSearchIndex(dir);
    const first = filesUnder(join(dir, "pagefind"));
    await writeSearchIndex(dir);
    const second = filesUnder(join(dir, "pagefind"));
    expect(pages).toEqual(Object.keys(many).filter((p) => isSearchable(many[p]!)).sort().map(pageUrl));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, bytes] of first) expect(bytes.equals(second.get(path)!), path).toBe(true);
    const entry = JSON.parse(first.get("pagefind-entry.json")!.toString("utf8"));
    expect(entry.languages.ja.page_count + entry.languages.en.page_count).toBe(pages.length);
    expect(await searchSite(dir, "en", "placeholder")).toEqual([]);
  });

  test("a site where no page is marked gets an empty index, not whole pages", async () => {
    const dir = writeSite({ "ja/a/index.html": html("ja", "<h1>A</h1><p>ノード</p>", ""), "404.html": html("ja", "<h1>404</h1>", "") });
    expect((await writeSearchIndex(dir)).pages).toEqual([]);
    expect(existsSync(join(dir, "pagefind/pagefind.js"))).toBe(true);
    const entry = JSON.parse(readFileSync(join(dir, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.values(entry.languages).map((l) => (l as { page_count: number }).page_count)).toEqual([]);
  });
});

describe("writeSearchIndex with the index of the last run kept", () => {
  const pages: Record<string, string> = {
    "ja/a/index.html": html("ja", "<h1>A</h1><p>ノードを繋ぎます。</p>"),
    "en/a/index.html": html("en", "<h1>A</h1><p>Connect the nodes.</p>"),
    "en/b/index.html": html("en", "<h1>B</h1><p>Placeholder</p>", ""),
  };
  /** A cache under a project root of its own, as one run makes it. */
  const cacheIn = (root: string) => new DiskCache<IndexFiles>(join(root, ".cache"), "search", root);
  /** Replaces the one kept index under `root` with what `change` makes of it, as someone with the cache folder could. */
  const rewriteKept = (root: string, change: (kept: IndexFiles) => IndexFiles) => {
    const [entry] = readdirSync(join(root, ".cache/search"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const path = join(entry!.parentPath, entry!.name);
    writeFileSync(path, serialize(change(deserialize(readFileSync(path)) as IndexFiles)));
  };

  test("pages byte for byte the same get the same index back, without Pagefind; a changed page is indexed again", async () => {
    const site = writeSite(pages);
    const root = mkdtempSync(join(tmpdir(), "search-cache-"));
    const first = await writeSearchIndex(site, { cache: cacheIn(root) });
    expect(first).toEqual({ pages: ["/en/a/", "/ja/a/"], reused: false });
    const written = filesUnder(join(site, "pagefind"));

    const again = await writeSearchIndex(site, { cache: cacheIn(root) });
    expect(again).toEqual({ pages: ["/en/a/", "/ja/a/"], reused: true });
    const restored = filesUnder(join(site, "pagefind"));
    expect([...restored.keys()]).toEqual([...written.keys()]);
    for (const [path, bytes] of written) expect(bytes.equals(restored.get(path)!), path).toBe(true);
    expect((await searchSite(site, "en", "connect")).map((f) => f.url)).toEqual(["/en/a/"]);

    // One word more in one page: a new index, which finds it.
    writeFileSync(join(site, "en/a/index.html"), html("en", "<h1>A</h1><p>Connect the nodes. Then queue the prompt.</p>"));
    expect((await writeSearchIndex(site, { cache: cacheIn(root) })).reused).toBe(false);
    expect((await searchSite(site, "en", "queue")).map((f) => f.url)).toEqual(["/en/a/"]);
    // A page that is not searchable is read by Pagefind too: a new one is a new key.
    writeFileSync(join(site, "en/c.html"), html("en", "<h1>C</h1>", ""));
    expect((await writeSearchIndex(site, { cache: cacheIn(root) })).reused).toBe(false);
  });

  test("nothing an older index wrote is left in the folder, whether Pagefind ran or the index was kept", async () => {
    const site = writeSite(pages);
    const root = mkdtempSync(join(tmpdir(), "search-cache-"));
    for (const reused of [false, true]) {
      mkdirSync(join(site, "pagefind/fragment"), { recursive: true });
      writeFileSync(join(site, "pagefind/fragment/en_stale.pf_fragment"), "old");
      expect((await writeSearchIndex(site, { cache: cacheIn(root) })).reused).toBe(reused);
      expect(existsSync(join(site, "pagefind/fragment/en_stale.pf_fragment"))).toBe(false);
      expect(existsSync(join(site, "pagefind/pagefind.js"))).toBe(true);
      // No staging folder is left beside it.
      expect(readdirSync(site).sort()).toEqual(["en", "ja", "pagefind"]);
    }
  });

  test("a page that is a symbolic link counts by what it points to", async () => {
    const site = writeSite({ ...pages, "elsewhere/b.html": html("en", "<h1>B</h1><p>Linked text.</p>") });
    symlinkSync(join(site, "elsewhere/b.html"), join(site, "en/linked.html"));
    const root = mkdtempSync(join(tmpdir(), "search-cache-"));
    expect((await writeSearchIndex(site, { cache: cacheIn(root) })).pages).toContain("/en/linked.html");
    writeFileSync(join(site, "elsewhere/b.html"), html("en", "<h1>B</h1><p>Linked text, then a quokka.</p>"));
    expect((await writeSearchIndex(site, { cache: cacheIn(root) })).reused).toBe(false);
    expect((await searchSite(site, "en", "quokka")).map((f) => f.url)).toContain("/en/linked.html");
  });

  test("a swap stopped on its way (a folder left aside) does not stop the next one", async () => {
    const site = writeSite(pages);
    await writeSearchIndex(site);
    mkdirSync(join(site, `.pagefind-${process.pid}-old/fragment`), { recursive: true });
    writeFileSync(join(site, `.pagefind-${process.pid}-old/fragment/x.pf_fragment`), "left");
    await writeSearchIndex(site);
    expect(readdirSync(site).sort()).toEqual(["en", "ja", "pagefind"]);
    expect(existsSync(join(site, "pagefind/pagefind.js"))).toBe(true);
  });

  test("a kept index naming a file outside the index is a miss, and nothing is written there", async () => {
    const site = writeSite(pages);
    const root = mkdtempSync(join(tmpdir(), "search-cache-"));
    await writeSearchIndex(site, { cache: cacheIn(root) });
    rewriteKept(root, (kept) => [...kept, ["../../escaped.txt", Buffer.from("planted")]]);
    expect((await writeSearchIndex(site, { cache: cacheIn(root) })).reused).toBe(false);
    expect(existsSync(join(site, "../escaped.txt"))).toBe(false);
    expect(existsSync(join(site, "escaped.txt"))).toBe(false);
  });

  test("under a dev server the older index's files stay beside the new one, for a tab that still asks for them", async () => {
    const site = writeSite(pages);
    const root = mkdtempSync(join(tmpdir(), "search-cache-"));
    await writeSearchIndex(site, { cache: cacheIn(root), background: true });
    const older = filesUnder(join(site, "pagefind"));
    writeFileSync(join(site, "en/a/index.html"), html("en", "<h1>A</h1><p>Connect the nodes, then a wombat.</p>"));
    expect((await writeSearchIndex(site, { cache: cacheIn(root), background: true })).reused).toBe(false);
    const now = filesUnder(join(site, "pagefind"));
    const fresh = writeSite({ ...pages, "en/a/index.html": html("en", "<h1>A</h1><p>Connect the nodes, then a wombat.</p>") });
    await writeSearchIndex(fresh);
    const own = filesUnder(join(fresh, "pagefind"));
    // Each file of the new index, and each older one it has no file of that name for.
    for (const [path, bytes] of own) expect(now.get(path)?.equals(bytes), path).toBe(true);
    const carried = [...older].filter(([path]) => !own.has(path));
    expect(carried.length).toBeGreaterThan(0);
    for (const [path, bytes] of carried) expect(now.get(path)?.equals(bytes), path).toBe(true);
    expect(now.size).toBe(own.size + carried.length);
    expect((await searchSite(site, "en", "wombat")).map((f) => f.url)).toEqual(["/en/a/"]);
    // The kept entry holds only the new index's own files: a build from it has none of the older ones.
    expect((await writeSearchIndex(site, { cache: cacheIn(root) })).reused).toBe(true);
    expect([...filesUnder(join(site, "pagefind")).keys()]).toEqual([...own.keys()]);
  });

  test("a kept index from a .cache/ that git tracks is never restored: a planted script reaches no page", async () => {
    const site = writeSite(pages);
    const root = mkdtempSync(join(tmpdir(), "search-cache-"));
    await writeSearchIndex(site, { cache: cacheIn(root) });
    // Anyone with the pages can compute the key: plant a script in the kept index's own JS.
    rewriteKept(root, (kept) => kept.map(([file, bytes]) => [file, file === "pagefind.js" ? Buffer.from("alert(1)") : bytes]));
    // Trusted, the planted entry would be served: this is what the next step guards against.
    expect((await writeSearchIndex(site, { cache: cacheIn(root) })).reused).toBe(true);
    expect(readFileSync(join(site, "pagefind/pagefind.js"), "utf8")).toBe("alert(1)");

    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
    git("init", "-q");
    git("add", "-f", ".cache/search");
    expect((await writeSearchIndex(site, { cache: cacheIn(root) })).reused).toBe(false);
    expect(readFileSync(join(site, "pagefind/pagefind.js"), "utf8")).not.toContain("alert(1)");
  });
});

describe("helpers", () => {
  test.each([
    ['<article data-pagefind-body class="a">', true],
    ["<main data-pagefind-body>", true],
    ['<div data-pagefind-body="">', true],
    ["<p>data-pagefind-body in text</p>", false],
    ["<article data-pagefind-bodyx>", false],
  ])("isSearchable(%s) → %s", (text, expected) => expect(isSearchable(text)).toBe(expected));

  test.each([
    ["ja/a/index.html", "/ja/a/"],
    ["index.html", "/"],
    ["404.html", "/404.html"],
    ["en/x/page.html", "/en/x/page.html"],
  ])("pageUrl(%s) → %s", (path, url) => expect(pageUrl(path)).toBe(url));
});
