/**
 * `npm start` shows a body-only save before its rebuild starts (src/cli/dev-rebuilds.ts):
 * driven through Eleventy's watcher and watch events with a fake Eleventy and the site's
 * own renderer, so what is asserted is the order — the page written and pushed when the
 * watcher reports the save, before beforeWatch, the check (afterCheck) and the rest of
 * the build.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import type { SiteParts } from "../../eleventy.config.ts";
import { readContentPage, type SiteModel } from "../../src/check/site-model.ts";
import { DevRebuilds } from "../../src/cli/dev-rebuilds.ts";
import type { Diagnostic } from "../../src/diagnostics.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { BodyRenderer } from "../../src/markdown/render-body.ts";
import { WorkflowStore } from "../../src/workflow/workflow-store.ts";

const page = (body: string) => `---\ntitle: A\nsummary: The page.\n---\n${body}\n`;
const FIRST = "The first paragraph.\n\n## Steps\n\nStep one.";

afterEach(() => vi.restoreAllMocks());

/** One page on disk, written once as its layout would, and DevRebuilds on a fake Eleventy that has built it. */
function devSite() {
  const root = mkdtempSync(join(tmpdir(), "dev-early-"));
  mkdirSync(join(root, "content/en"), { recursive: true });
  const source = join(root, "content/en/a.md");
  const output = join(root, "_site.dev/en/a/index.html");
  mkdirSync(join(output, ".."), { recursive: true });
  const workflows = new WorkflowStore();
  const bodies = new BodyRenderer(createMarkdown({ root, workflows }), undefined);
  bodies.dev = true;
  let findings: Diagnostic[] = [];
  /** What the nav file says, which every page's layout shows. */
  let navLabel = "Guide";
  const check = (): SiteModel => {
    const read = readContentPage(root, "content", source, readFileSync(source), bodies);
    return { languages: ["en"], pages: [read] } as unknown as SiteModel;
  };
  let model: SiteModel | undefined;
  const handlers = new Map<string, (...args: any[]) => unknown>();
  const config = { on: (name: string, fn: (...args: any[]) => unknown) => handlers.set(name, fn) } as unknown as EleventyConfig;
  const parts = { model: () => model, bodies, workflows, diagnostics: { all: () => findings }, afterCheck: [] as Array<() => void> } as unknown as SiteParts;
  const pushed: string[] = [];
  const rebuilds = new DevRebuilds(root);
  rebuilds.configure(config, parts);
  let onChange = (_path: string) => {};
  rebuilds.attach({
    setIncrementalBuild: () => {},
    watcher: { emit: () => {}, on: (_event, listener) => (onChange = listener) },
    eleventyServe: { reload: async (event) => void pushed.push(...event.build.templates.map((t) => t.content)) },
  });
  /** The layout: the title, the body's render inside a page, and the dev banner's count of the site's findings. */
  const layout = () =>
    `<html><head><title>${model!.pages[0]!.data.title} | Site</title></head><body><nav>${navLabel}</nav><aside>${findings.length} findings</aside><h1>${model!.pages[0]!.data.title}</h1><article>${model!.pages[0]!.body!.html}</article></body></html>`;
  /** Another page, whose nav and prev/next link the first by its title. */
  const other = join(root, "_site.dev/en/b/index.html");
  mkdirSync(join(other, ".."), { recursive: true });
  const otherPage = () => `<html><body><nav><a href="/en/a/">${/^title: (.*)$/m.exec(readFileSync(source, "utf8"))![1]}</a></nav></body></html>`;
  /** Eleventy's build after the check: writes the pages as the layouts render them now. */
  const write = () => {
    const content = layout();
    writeFileSync(output, content);
    writeFileSync(other, otherPage());
    handlers.get("eleventy.after")!({
      results: [
        { inputPath: source, outputPath: output, url: "/en/a/", content },
        { inputPath: join(root, "content/en/b.md"), outputPath: other, url: "/en/b/", content: otherPage() },
      ],
    });
  };
  writeFileSync(source, page(FIRST));
  model = check();
  write();
  rebuilds.watching();
  /** Eleventy's rebuild of the save (and of `also`): beforeWatch, the check (with `found` as its findings), then Eleventy's write. */
  const rebuild = async (found: Diagnostic[] = [], also: string[] = []) => {
    await handlers.get("eleventy.beforeWatch")!([source, ...also]);
    findings = found;
    model = check();
    for (const hook of parts.afterCheck) hook();
    write();
  };
  return {
    source,
    output,
    other,
    pushed,
    rebuilds,
    save: (body: string) => writeFileSync(source, page(body)),
    /** Eleventy's watcher reports the save. */
    reportSave: () => onChange(source),
    rebuild,
    /** The nav file is saved with a new label. */
    setNav: (label: string) => (navLabel = label),
    /** A rebuild that has begun and not ended (its beforeWatch ran): what it writes is still to come. */
    beginRebuild: async () => {
      await handlers.get("eleventy.beforeWatch")!([source]);
      return async () => {
        model = check();
        for (const hook of parts.afterCheck) hook();
        write();
      };
    },
  };
}

test("a body-only save is written and pushed when the watcher reports it, before its rebuild, which then writes the same bytes", async () => {
  const dev = devSite();
  dev.save(`${FIRST}\n\nA closing paragraph.`);
  dev.reportSave();
  // Nothing of the rebuild has run yet: no beforeWatch, no check, no Eleventy write.
  expect(readFileSync(dev.output, "utf8")).toContain("<p>A closing paragraph.</p>");
  expect(dev.pushed).toHaveLength(1);
  expect(dev.pushed[0]).toBe(readFileSync(dev.output, "utf8"));
  expect(dev.rebuilds.patchedAt).toBeDefined();
  const warn = vi.spyOn(console, "warn");
  await dev.rebuild();
  expect(warn).not.toHaveBeenCalled();
  // Patched once: the rebuild's check does not patch the page again.
  expect(dev.rebuilds.counts).toEqual({ patched: 1, differed: 0, retitled: 0 });
  expect(dev.pushed).toHaveLength(1);
});

test("a save while a rebuild runs is patched by its own rebuild's check, not at once", async () => {
  const dev = devSite();
  dev.save(`${FIRST}\n\nA first addition.`);
  const finish = await dev.beginRebuild();
  dev.save(`${FIRST}\n\nA first addition.\n\nA second one.`);
  dev.reportSave();
  expect(readFileSync(dev.output, "utf8")).not.toContain("A second one.");
  await finish();
  // Its own rebuild: patched right after its check.
  await dev.rebuild();
  expect(readFileSync(dev.output, "utf8")).toContain("<p>A second one.</p>");
  expect(dev.rebuilds.counts.differed).toBe(0);
});

test("a save whose render has a finding of its own is not patched early: the page's banner would differ", () => {
  const dev = devSite();
  const before = readFileSync(dev.output, "utf8");
  dev.save(`${FIRST}\n\n\`\`\`notalanguage\ncode\n\`\`\``);
  dev.reportSave();
  expect(readFileSync(dev.output, "utf8")).toBe(before);
  expect(dev.pushed).toEqual([]);
});

test("a save that changes the TOC or the front matter is not patched early", () => {
  const dev = devSite();
  dev.save(`${FIRST}\n\n## Another step\n\nStep two.`);
  dev.reportSave();
  expect(dev.pushed).toEqual([]);
  writeFileSync(dev.source, page(FIRST).replace("summary: The page.", "summary: Another."));
  dev.reportSave();
  expect(dev.pushed).toEqual([]);
  expect(dev.rebuilds.patchedAt).toBeUndefined();
});

test("when the check then finds what other pages show changed, the early patch is not held against Eleventy's page", async () => {
  const dev = devSite();
  dev.save(`${FIRST}\n\nSee [nowhere](/en/nowhere/).`);
  dev.reportSave();
  expect(dev.pushed).toHaveLength(1);
  const warn = vi.spyOn(console, "warn");
  // The links rule reports the link: every page's banner counts it, so the page Eleventy writes differs.
  const finding: Diagnostic = { file: "content/en/a.md", line: 9, column: 5, severity: "error", rule: "links/broken", message: "no page at /en/nowhere/" };
  await dev.rebuild([finding]);
  expect(warn).not.toHaveBeenCalled();
  expect(dev.rebuilds.counts.differed).toBe(0);
});

test("a save that changes only the title patches the links to the page in the other pages first; the site's rebuild follows", async () => {
  const dev = devSite();
  writeFileSync(dev.source, page(FIRST).replace("title: A", "title: Renamed & more"));
  dev.reportSave();
  expect(readFileSync(dev.other, "utf8")).toContain(`<a href="/en/a/">Renamed &amp; more</a>`);
  // The page itself shows its new title too.
  expect(readFileSync(dev.output, "utf8")).toContain("<title>Renamed &amp; more | Site</title>");
  expect(readFileSync(dev.output, "utf8")).toContain("<h1>Renamed &amp; more</h1>");
  expect(dev.pushed).toEqual([readFileSync(dev.other, "utf8"), readFileSync(dev.output, "utf8")]);
  expect(dev.rebuilds.counts.retitled).toBe(2);
  // A title change together with another front matter change waits for the rebuild.
  writeFileSync(dev.source, page(FIRST).replace("title: A", "title: Other").replace("summary: The page.", "summary: Changed."));
  dev.reportSave();
  expect(dev.rebuilds.counts.retitled).toBe(2);
});

test("a page patched at its save, rebuilt with the whole site (a nav file saved too), is not held against its patch", async () => {
  const dev = devSite();
  dev.save(`${FIRST}\n\nA closing paragraph.`);
  dev.reportSave();
  expect(dev.rebuilds.counts.patched).toBe(1);
  const warn = vi.spyOn(console, "warn");
  // The whole site is rebuilt, and the page comes out otherwise: with the new nav.
  dev.setNav("Guide, renamed");
  await dev.rebuild([], [join(dev.source, "../../_data/nav/en.json")]);
  expect(readFileSync(dev.output, "utf8")).toContain("<nav>Guide, renamed</nav>");
  expect(warn).not.toHaveBeenCalled();
  expect(dev.rebuilds.counts.differed).toBe(0);
});
