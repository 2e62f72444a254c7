/** What one page costs a reader: its HTML, and the CSS and JS it makes the browser fetch. */
import { existsSync, readFileSync } from "node:fs";
import { posix } from "node:path";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

/** One fetched file, raw and gzip-compressed (as a server would send it). */
export interface AssetWeight {
  url: string;
  bytes: number;
  gzipBytes: number;
}

/** A page and what it loads up front, each file raw and gzip. */
export interface PageWeight {
  url: string;
  html: AssetWeight;
  css: AssetWeight[];
  js: AssetWeight[];
  cssGzipBytes: number;
  jsGzipBytes: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];

/** Stylesheets and scripts an HTML document loads up front (not lazily imported chunks). */
export function referencedAssets(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, "rel")?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel.includes("stylesheet")) css.push(href);
    else if (rel.includes("modulepreload")) js.push(href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) js.push(src);
  }
  return { css, js };
}

/** URLs a stylesheet pulls in with `@import` (plain or `url()`), which the browser also fetches. */
export function cssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?/gi)].map((m) => m[1]!);
}

/** Static `import … from "x"` / `import "x"` of an ES module; `import()` stays lazy and is skipped. */
export function jsImports(js: string): string[] {
  return [...js.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
}

const resolveUrl = (from: string, ref: string) => (ref.startsWith("/") ? ref : posix.join(posix.dirname(from), ref));
const isLocal = (ref: string) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref);

/** Reads a site file by URL (`/a/` means `/a/index.html`); null when it is not there. */
function readSiteFile(siteDir: string, url: string): Buffer | null {
  const path = join(siteDir, decodeURIComponent(url.split(/[?#]/)[0]!), url.endsWith("/") ? "index.html" : "");
  return existsSync(path) ? readFileSync(path) : null;
}

const weigh = (url: string, bytes: Buffer): AssetWeight => ({ url, bytes: bytes.length, gzipBytes: gzipSync(bytes).length });

/** Follows a file's own imports (CSS `@import`, JS static imports), each file counted once. */
function collect(siteDir: string, roots: string[], from: string, imports: (text: string) => string[]): AssetWeight[] {
  const seen = new Set<string>();
  const out: AssetWeight[] = [];
  const visit = (url: string) => {
    if (!isLocal(url) || seen.has(url)) return;
    seen.add(url);
    const bytes = readSiteFile(siteDir, url);
    if (!bytes) throw new Error(`${from} loads ${url}, which the build did not write`);
    out.push(weigh(url, bytes));
    for (const ref of imports(bytes.toString("utf8"))) visit(resolveUrl(url, ref));
  };
  for (const ref of roots) visit(resolveUrl(from, ref));
  return out;
}

/** Measures the page at `url` in a built site folder. */
export function measurePageWeight(siteDir: string, url: string): PageWeight {
  const html = readSiteFile(siteDir, url);
  if (!html) throw new Error(`the build wrote no page at ${url}`);
  const refs = referencedAssets(html.toString("utf8"));
  const css = collect(siteDir, refs.css, url, cssImports);
  const js = collect(siteDir, refs.js, url, jsImports);
  const sum = (list: AssetWeight[]) => list.reduce((total, a) => total + a.gzipBytes, 0);
  return { url, html: weigh(url, html), css, js, cssGzipBytes: sum(css), jsGzipBytes: sum(js) };
}
