import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, test } from "vitest";
import { bundleAssets } from "../../src/build/bundle-assets.ts";
import assetsPlugin from "../../src/eleventy/assets.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { buildToDir, projectRoot, TEST_SITE_URL } from "../helpers/eleventy.ts";
import { searchSite } from "../helpers/pagefind-search.ts";

/** The budget for all JavaScript a page loads up front (Pagefind loads on demand). */
const JS_BUDGET_GZIP = 10 * 1024;

function writeTree(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

// Full pages as virtual Nunjucks templates, so that this test does not depend on the
// layouts: the search index only cares about <html lang> and data-pagefind-body. (Virtual,
// because author files in content/ other than Markdown are not templates.)
const page = (lang: string, body: string, marked = true) =>
  `<!doctype html><html lang="${lang}"><body><nav>Menu</nav><article${marked ? " data-pagefind-body" : ""}>${body}</article></body></html>`;

describe("a production build through Eleventy", () => {
  let out: string;
  beforeAll(async () => {
    const pages = {
      "ja/a/index.njk": page("ja", "<h1>LoRA</h1><p>LoRA では pixel_art がトリガーワードです。ドット絵を描きます。</p>"),
      "en/a/index.njk": page("en", "<h1>LoRA</h1><p>The trigger word of this LoRA is pixel_art.</p>"),
      "en/b/index.njk": page("en", "<h1>Placeholder</h1><p>This page is not translated yet.</p>", false),
    };
    const root = mkdtempSync(join(tmpdir(), "assets-fixture-"));
    mkdirSync(join(root, "content"));
    out = await buildToDir(root, undefined, {
      siteUrl: TEST_SITE_URL,
      configure: (config) => {
        for (const [path, text] of Object.entries(pages)) config.addTemplate!(path, text);
      },
    });
  });

  test("publishes the bundled script and stylesheet, not the source files", () => {
    // Content-hashed names (src/build/bundle-assets.ts): one file per bundle, no unhashed copy.
    const [jsName] = readdirSync(join(out, "assets/js"));
    const js = readFileSync(join(out, "assets/js", jsName!), "utf8");
    const css = readFileSync(join(out, "assets/css", readdirSync(join(out, "assets/css"))[0]!), "utf8");
    expect(js).toContain("ui-strings"); // the client entry, bundled
    expect(js).not.toMatch(/^import\s|from\s*"\.\//m); // no unresolved module imports left
    expect(css).toContain(".search-dialog"); // reader-ui.css, inlined
    expect(css).not.toContain("@import");
    expect(readdirSync(join(out, "assets/css"))).toEqual([expect.stringMatching(/^site\.[0-9a-f]{10}\.css$/)]);
    expect(readdirSync(join(out, "assets/js"))).toEqual([expect.stringMatching(/^main\.[0-9a-f]{10}\.js$/)]);
  });

  test("writes the search index with a sub-index per language, placeholders left out", () => {
    const entry = JSON.parse(readFileSync(join(out, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "ja"]);
    expect(entry.languages.en.page_count).toBe(1);
  });

  test("Japanese and English queries find their own language's page", async () => {
    expect((await searchSite(out, "ja", "トリガーワード")).map((p) => p.url)).toEqual(["/ja/a/"]);
    expect((await searchSite(out, "ja", "ドット絵")).map((p) => p.url)).toEqual(["/ja/a/"]);
    expect((await searchSite(out, "en", "trigger")).map((p) => p.url)).toEqual(["/en/a/"]);
    expect(await searchSite(out, "en", "translated")).toEqual([]);
  });
});

describe("the client bundle", () => {
  let js: Uint8Array;
  beforeAll(async () => {
    js = (await bundleAssets(projectRoot)).find((a) => a.name === "assets/js/main.js")!.contents;
  });

  test(`is at most ${JS_BUDGET_GZIP / 1024} KB gzipped`, () => {
    const size = gzipSync(js, { level: 9 }).length;
    console.info(`assets/js/main.js: ${js.length} bytes, ${size} bytes gzipped`);
    expect(size).toBeLessThanOrEqual(JS_BUDGET_GZIP);
  });

  test("leaves Pagefind out: it is imported at run time, on first search", () => {
    const text = new TextDecoder().decode(js);
    // Resolved against the bundle's own URL at run time, so it works under any base path.
    expect(text).toContain('"../../pagefind/pagefind.js"');
    expect(text).not.toContain("wasm_bindgen");
  });

  test("contains no client-side highlighter", () => {
    expect(new TextDecoder().decode(js)).not.toMatch(/hljs|highlightAuto/);
  });
});

describe("a broken bundle", () => {
  let broken: string;
  beforeAll(() => {
    broken = writeTree(mkdtempSync(join(tmpdir(), "broken-client-")), {
      "src/client/main.ts": "export const ok = 1;\nconst = ;\n",
      "src/styles/site.css": "body { color: red; }\n",
    });
  });

  test("is reported with its file and line", async () => {
    await expect(bundleAssets(broken)).rejects.toThrow(/src\/client\/main\.ts:2:\d+/);
  });

  test("fails a production build before any page is written", async () => {
    const input = writeTree(mkdtempSync(join(tmpdir(), "broken-site-")), { "index.njk": "<p>hi</p>" });
    const output = join(input, "_site");
    const elev = new Eleventy(input, output, {
      quietMode: true,
      configPath: false,
      config: (config: EleventyConfig) => config.addPlugin(assetsPlugin, { projectRoot: broken }),
    });
    await expect(elev.write()).rejects.toThrow();
    expect(existsSync(join(output, "index.html"))).toBe(false);
  });
});

describe("the stylesheet bundle", () => {
  test("inlines @imports and keeps the site's own absolute url()s", async () => {
    const root = writeTree(mkdtempSync(join(tmpdir(), "css-")), {
      "src/client/main.ts": "export {};\n",
      "src/styles/site.css": '@import "./part.css";\nbody { color: red; }\n',
      "src/styles/part.css": '@font-face { font-family: x; src: url(/assets/fonts/x.woff2); }\n.part { color: blue; }\n',
    });
    const css = new TextDecoder().decode((await bundleAssets(root)).find((a) => a.name === "assets/css/site.css")!.contents);
    expect(css).toContain(".part{color:");
    expect(css).toContain("url(/assets/fonts/x.woff2)");
    expect(css).not.toContain("@import");
  });
});
