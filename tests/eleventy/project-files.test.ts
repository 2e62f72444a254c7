/**
 * Only Markdown pages are built and only images and workflow JSON are published, copied
 * from real files inside the project: every other route into `_site` (HTML and SVG in
 * content/, `_` drafts, any file in workflows/, symlinks out of the project, data scripts)
 * is tried here through Eleventy itself.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { ContentError } from "../../src/diagnostics.ts";
import projectFilesPlugin, { publishedTargets } from "../../src/eleventy/project-files.ts";
import { syncPublished } from "../../src/build/published-files.ts";
import { listProjectFiles } from "../../src/content/project-files.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { buildToDir } from "../helpers/eleventy.ts";
import { fixtureFiles, writeSite } from "../helpers/fixture-site.ts";

const png = fileURLToPath(new URL("../media/fixtures/site/content/img/shot.png", import.meta.url));
const workflow = fileURLToPath(new URL("../../workflows/basic-workflows/sd15-lora/SD1.5_lora.json", import.meta.url));
const draft = (permalink: string) => `---\nlayout: page.njk\nlang: ja\nslug: d\ntitle: "D"\nsummary: "s"\npermalink: "${permalink}"\n---\nDraft\n`;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((p) => !p.startsWith("pagefind/") && !p.startsWith("assets/"))
    .sort();
}

async function failure(root: string): Promise<ContentError> {
  return buildToDir(root, join(root, "_site")).then(
    () => {
      throw new Error("the build succeeded");
    },
    (e: unknown) => e as ContentError,
  );
}

const rulesOf = (error: ContentError) => error.diagnostics.map((d) => `${d.file} ${d.rule}`).sort();

describe("what a build publishes", () => {
  test("Markdown pages, raster images and workflow JSON only; `_` drafts, HTML, JSON data and other files are not", async () => {
    const root = writeSite({
      ...fixtureFiles(),
      "content/ja/page.html": "<script>alert(1)</script>",
      "content/ja/guide/notes.njk": "{{ 7 * 7 }}",
      "content/ja/guide/local.json": '{"title": "from a data file"}',
      "content/_drafts/d.md": draft("/drafts/d/"),
      "content/ja/_private/p.md": draft("/private/p/"),
      "content/ja/guide/_note.md": draft("/note/"),
      "workflows/guide/a/page.html": "<script>alert(1)</script>",
      "workflows/guide/a/readme.txt": "hi",
    });
    mkdirSync(join(root, "content/ja/guide/img"), { recursive: true });
    copyFileSync(png, join(root, "content/ja/guide/img/shot.png"));
    copyFileSync(png, join(root, "content/ja/_private/hidden.png"));
    copyFileSync(workflow, join(root, "workflows/guide/a/flow.json"));
    const out = await buildToDir(root, join(root, "_site"));
    const published = files(out);
    expect(published).toContain("ja/guide/img/shot.png");
    expect(published).toContain("workflows/guide/a/flow.json");
    expect(readFileSync(join(out, "workflows/guide/a/flow.json"))).toEqual(readFileSync(workflow));
    for (const absent of ["ja/page/index.html", "ja/page.html", "ja/guide/notes/index.html", "drafts/d/index.html", "private/p/index.html", "note/index.html", "ja/_private/hidden.png", "workflows/guide/a/page.html", "workflows/guide/a/readme.txt"]) {
      expect(published, absent).not.toContain(absent);
    }
    expect(readFileSync(join(out, "ja/guide/a/index.html"), "utf8")).not.toContain("from a data file");
  });

  test("SVG in content/ and data scripts stop the build before any of them is read or run", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), "marker-")), "ran");
    const script = `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "x"); module.exports = {};`;
    const root = writeSite({
      ...fixtureFiles(),
      "content/_data/evil.js": script,
      "content/ja/guide/a.11tydata.js": script,
      "content/ja/guide/guide.11tydata.cjs": script,
      "content/ja/guide/pic.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    });
    const error = await failure(root);
    expect(rulesOf(error)).toEqual(expect.arrayContaining([
      "content/_data/evil.js files/data-script",
      "content/ja/guide/a.11tydata.js files/data-script",
      "content/ja/guide/guide.11tydata.cjs files/data-script",
      "content/ja/guide/pic.svg files/svg",
    ]));
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(root, "_site"))).toBe(false);
  });

  test("symlinks out of the project stop the build; nothing is copied through them", async () => {
    const outside = mkdtempSync(join(tmpdir(), "outside-"));
    copyFileSync(png, join(outside, "secret.png"));
    copyFileSync(workflow, join(outside, "secret.json"));
    const root = writeSite(fixtureFiles());
    mkdirSync(join(root, "workflows/guide"), { recursive: true });
    symlinkSync(join(outside, "secret.png"), join(root, "content/ja/guide/secret.png"));
    symlinkSync(join(outside, "secret.json"), join(root, "workflows/guide/secret.json"));
    symlinkSync(outside, join(root, "workflows/guide/dir"));
    const error = await failure(root);
    expect(rulesOf(error)).toEqual(expect.arrayContaining(["content/ja/guide/secret.png files/outside-project", "workflows/guide/secret.json files/outside-project", "workflows/guide/dir files/outside-project"]));
    expect(existsSync(join(root, "_site"))).toBe(false);
  });

  test("a symlink to an image inside the project is published as a copy, not a link", async () => {
    const root = writeSite(fixtureFiles());
    copyFileSync(png, join(root, "content/ja/guide/real.png"));
    symlinkSync(join(root, "content/ja/guide/real.png"), join(root, "content/ja/guide/alias.png"));
    const out = await buildToDir(root, join(root, "_site"));
    expect(lstatSync(join(out, "ja/guide/alias.png")).isFile()).toBe(true);
    expect(readFileSync(join(out, "ja/guide/alias.png"))).toEqual(readFileSync(png));
  });
});

describe("under the dev server too", () => {
  /** The plugin's hooks, registered on a stand-in for Eleventy's config. */
  function hooks(root: string) {
    const on = new Map<string, (arg: unknown) => unknown>();
    const config = { on: (event: string, fn: (arg: unknown) => unknown) => on.set(event, fn), ignores: { add() {} }, addWatchTarget() {}, setTemplateFormats() {}, setDataFileSuffixes() {} };
    projectFilesPlugin(config as unknown as EleventyConfig, { root, contentDir: "content" });
    return on;
  }

  test("a data script or a symlink out of the project stops a --serve build (other errors only show on the page)", () => {
    const root = writeSite({ ...fixtureFiles(), "content/_data/evil.js": "module.exports = {};" });
    expect(() => hooks(root).get("eleventy.before")!({ runMode: "serve" })).toThrow(ContentError);
    const clean = writeSite(fixtureFiles());
    writeFileSync(join(clean, "content/ja/notes.txt"), "a warning only");
    expect(() => hooks(clean).get("eleventy.before")!({ runMode: "serve" })).not.toThrow();
  });
});

describe("publishing between rebuilds into one folder", () => {
  test("a file no longer published is removed; the others stay", () => {
    const root = writeSite({ "content/en/a.png": "png-a", "content/en/b.png": "png-b", "workflows/w.json": "{}" });
    const output = mkdtempSync(join(tmpdir(), "publish-"));
    const before = new Set<string>();
    syncPublished(publishedTargets(listProjectFiles(root, "content"), "content", output), before);
    expect(readdirSync(join(output, "en")).sort()).toEqual(["a.png", "b.png"]);
    rmSync(join(root, "content/en/b.png"));
    syncPublished(publishedTargets(listProjectFiles(root, "content"), "content", output), before);
    expect(readdirSync(join(output, "en"))).toEqual(["a.png"]);
    expect(existsSync(join(output, "workflows/w.json"))).toBe(true);
  });
});
