import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { cssImports, jsImports, measurePageWeight, referencedAssets } from "../../bench/page-weight.ts";

describe("what a page loads", () => {
  test("stylesheets, scripts and module preloads, not inline JSON or icons", () => {
    const html = `<link rel="icon" href="/favicon.svg"><link href='/a.css' rel="stylesheet">
      <link rel="modulepreload" href="/chunk.js"><script type="module" src="/main.js"></script>
      <script type="application/json" id="ui-strings">{}</script><script>inline()</script>`;
    expect(referencedAssets(html)).toEqual({ css: ["/a.css"], js: ["/chunk.js", "/main.js"] });
  });

  test("CSS @import in its plain and url() forms", () => {
    expect(cssImports(`@import "./media.css";\n@import url("reader-ui.css");\n@import url(x.css) screen;`))
      .toEqual(["./media.css", "reader-ui.css", "x.css"]);
  });

  test("static ES module imports, not dynamic import()", () => {
    const js = `import{a as b}from"./chunk-1.js";import "./side.js";\nconst s = await import("./lazy.js");`;
    expect(jsImports(js)).toEqual(["./chunk-1.js", "./side.js"]);
  });
});

describe("measurePageWeight", () => {
  const files: Record<string, string> = {
    "ja/x/index.html": `<!doctype html><link rel="stylesheet" href="/assets/css/site.css"><script type="module" src="/assets/js/main.js"></script>`,
    "assets/css/site.css": `@import "./media.css";\nbody { color: red }`,
    "assets/css/media.css": `@import "./site.css";\nfigure { margin: 0 }`,
    "assets/js/main.js": `import "./chunk.js";\nconsole.log(1);`,
    "assets/js/chunk.js": `export const x = 1;`,
  };
  const site = mkdtempSync(join(tmpdir(), "bench-weight-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  test("counts the HTML and every stylesheet and script it pulls in, each once", () => {
    const weight = measurePageWeight(site, "/ja/x/");
    expect(weight.html.bytes).toBe(Buffer.byteLength(files["ja/x/index.html"]!));
    expect(weight.css.map((a) => a.url)).toEqual(["/assets/css/site.css", "/assets/css/media.css"]);
    expect(weight.js.map((a) => a.url)).toEqual(["/assets/js/main.js", "/assets/js/chunk.js"]);
    const gz = (path: string) => gzipSync(Buffer.from(files[path]!)).length;
    expect(weight.cssGzipBytes).toBe(gz("assets/css/site.css") + gz("assets/css/media.css"));
    expect(weight.jsGzipBytes).toBe(gz("assets/js/main.js") + gz("assets/js/chunk.js"));
  });

  test("fails when the page or an asset it loads was not built", () => {
    expect(() => measurePageWeight(site, "/en/x/")).toThrow(/no page at \/en\/x\//);
    writeFileSync(join(site, "ja/x/index.html"), `<script src="/missing.js"></script>`);
    expect(() => measurePageWeight(site, "/ja/x/")).toThrow(/loads \/missing\.js/);
  });
});
