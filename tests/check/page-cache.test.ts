/**
 * The validation plugin's page cache: a rebuild parses only the content files whose bytes
 * changed, every page again when a file parsing reads (a workflow) changed, and always
 * finds exactly what a fresh validation finds (a stale page would not).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { PageCache } from "../../src/check/page-cache.ts";
import { validateSite } from "../helpers/render.ts";
import { sortDiagnostics, type Diagnostic } from "../../src/diagnostics.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import validationPlugin from "../../src/eleventy/validation.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { BodyRenderer } from "../../src/markdown/render-body.ts";
import { SiteDiagnostics } from "../../src/eleventy/site-diagnostics.ts";

const clean = fileURLToPath(new URL("corpus-clean/", import.meta.url));
const PAGES = 10;

let root: string;
let cache: PageCache;
let rebuild: () => Diagnostic[];

/** The plugin on a stand-in for Eleventy's config: `rebuild` fires `eleventy.before` as `--serve` does. */
function setUp(): void {
  root = mkdtempSync(join(tmpdir(), "page-cache-"));
  cpSync(clean, root, { recursive: true });
  cache = new PageCache();
  let before: (event: { runMode: string }) => void = () => {};
  const diagnostics = new SiteDiagnostics(root);
  const config = {
    addFilter: () => {},
    on: (event: string, fn: typeof before) => {
      if (event === "eleventy.before") before = fn;
    },
  } as unknown as EleventyConfig;
  validationPlugin(config, { root, contentDir: "content", bodies: new BodyRenderer(createMarkdown({ root })), cache, diagnostics });
  rebuild = () => {
    before({ runMode: "serve" });
    return diagnostics.all();
  };
}

/** What a validation from scratch finds: the plugin reports exactly the check's findings. */
function fresh(): Diagnostic[] {
  return sortDiagnostics(validateSite(root));
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), "utf8")));
const rules = (list: Diagnostic[], file: string) => list.filter((d) => d.file === file).map((d) => d.rule);

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  setUp();
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe("validation plugin page cache", () => {
  test("a rebuild with nothing changed parses nothing", () => {
    expect(rebuild()).toEqual([]);
    expect(cache.counts).toEqual({ parsed: PAGES, reused: 0 });
    expect(rebuild()).toEqual([]);
    expect(cache.counts).toEqual({ parsed: PAGES, reused: PAGES });
  });

  test("an edit is parsed again, alone, and its new problems are reported, then gone when undone", () => {
    rebuild();
    const file = "content/ja/about.md";
    const original = readFileSync(join(root, file), "utf8");
    edit(file, (text) => `${text}\n## A {#dup}\n\n## B {#dup}\n\n[broken](/ja/nope/) [x](/ja/){onclick=alert(1)}\n`);

    const broken = rebuild();
    expect(cache.counts.parsed).toBe(PAGES + 1);
    expect(rules(broken, file).sort()).toEqual(["files/event-handler", "heading/duplicate-id", "links/broken"]);
    // Cross-page rules still see the unchanged, cached pages: the English translation is now outdated.
    expect(rules(broken, "content/en/about.md")).toEqual(["i18n/outdated"]);
    expect(broken).toEqual(fresh());

    writeFileSync(join(root, file), original);
    expect(rebuild()).toEqual([]);
    expect(cache.counts.parsed).toBe(PAGES + 2);
  });

  test("a cached page's links are checked against the edited page", () => {
    rebuild();
    edit("content/en/guides/second.md", (text) => text.replace("## Settings {.note}", "## Options {.note}"));
    const found = rebuild();
    expect(cache.counts.parsed).toBe(PAGES + 1);
    expect(rules(found, "content/en/guides/first.md")).toEqual(["links/anchor"]);
    expect(found).toEqual(fresh());
  });

  test("a deleted file drops out of the model", () => {
    rebuild();
    unlinkSync(join(root, "content/ja/guides/second.md"));
    const found = rebuild();
    expect(cache.counts.parsed).toBe(PAGES);
    expect(found.some((d) => d.file === "content/ja/guides/second.md")).toBe(false);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(fresh());
  });

  test("a changed workflow file makes every page parse again", () => {
    rebuild();
    writeFileSync(join(root, "workflows/guides/first/flow.json"), "{ not json");
    const found = rebuild();
    expect(cache.counts.parsed).toBe(2 * PAGES);
    expect(rules(found, "content/en/guides/first.md")).toContain("workflow/invalid-json");
    expect(found).toEqual(fresh());
  });
});
