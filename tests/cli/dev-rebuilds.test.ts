/**
 * `npm start`'s rebuild choices (src/cli/dev-rebuilds.ts) driven through Eleventy's watch
 * events with a fake Eleventy, including the race a real server hit under load: a title
 * saved while another page was being rebuilt.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { SiteParts } from "../../eleventy.config.ts";
import type { SiteModel, SitePage } from "../../src/check/site-model.ts";
import { DevRebuilds } from "../../src/cli/dev-rebuilds.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";

const text = (title: string, body = "Body.") => `---\ntitle: ${title}\n---\n${body}\n`;

/** A site on disk, and the model the check would read of it now. */
function site() {
  const root = mkdtempSync(join(tmpdir(), "dev-rebuilds-"));
  mkdirSync(join(root, "content/en"), { recursive: true });
  const write = (key: string, content: string) => writeFileSync(join(root, `content/en/${key}.md`), content);
  const pages = new Map<string, string>();
  const save = (key: string, content: string) => {
    pages.set(key, content);
    write(key, content);
  };
  const model = (): SiteModel =>
    ({
      languages: ["en"],
      pages: [...pages].map(([key, content]) => ({
        lang: "en", key, file: `content/en/${key}.md`, url: `/en/${key}/`, bytes: Buffer.from(content),
        data: { title: /title: (.*)/.exec(content)![1] }, ids: new Set<string>(),
      }) as unknown as SitePage),
    }) as unknown as SiteModel;
  return { root, save, model, path: (key: string) => join(root, `content/en/${key}.md`) };
}

/** DevRebuilds on a fake Eleventy: `build(queue)` runs beforeWatch and eleventy.after, and says whether it was incremental. */
function server(s: ReturnType<typeof site>) {
  const handlers = new Map<string, (...args: any[]) => unknown>();
  const config = { on: (name: string, fn: (...args: any[]) => unknown) => handlers.set(name, fn) } as unknown as EleventyConfig;
  // The check reads the site in eleventy.before: between builds the model is the previous build's.
  let checked: SiteModel | undefined;
  const parts = { model: () => checked, diagnostics: { all: () => [] }, afterCheck: [] } as unknown as SiteParts;
  const rebuilds = new DevRebuilds(s.root);
  rebuilds.configure(config, parts);
  const emitted: string[] = [];
  let incremental = false;
  rebuilds.attach({ setIncrementalBuild: (on) => (incremental = on), watcher: { emit: (_event, path) => emitted.push(path), on: () => {} } });
  /** `settled`: Eleventy's watch run ends with this build (no run queued behind it). */
  const build = (queue: string[], written: string[] = [], settled = true) => {
    handlers.get("eleventy.beforeWatch")!(queue);
    const wasIncremental = incremental;
    checked = s.model();
    handlers.get("eleventy.after")!({ results: written.map((outputPath) => ({ outputPath })) });
    // Eleventy's watch run has ended: the site's rebuild, when owed, is asked for now.
    if (settled) handlers.get("eleventy.afterwatch")!();
    return wasIncremental;
  };
  return { build, emitted, settle: () => handlers.get("eleventy.afterwatch")!(), initial: (written: string[] = []) => {
    checked = s.model();
    handlers.get("eleventy.after")!({ results: written.map((outputPath) => ({ outputPath })) });
  } };
}

/** Pages a and b on disk, and DevRebuilds watching them. */
function twoPages() {
  const s = site();
  s.save("a", text("A"));
  s.save("b", text("B"));
  return { s, dev: server(s) };
}

test("a body edit rebuilds its page alone; a title edit rebuilds the site", () => {
  const { s, dev } = twoPages();
  dev.initial();
  s.save("a", text("A", "More body."));
  expect(dev.build([s.path("a")])).toBe(true);
  expect(dev.emitted).toEqual([]);
  s.save("a", text("Renamed"));
  expect(dev.build([s.path("a")])).toBe(false);
});

test("a title saved while another page rebuilds: its own event still rebuilds the site, though the check already read it", () => {
  const { s, dev } = twoPages();
  dev.initial();
  // b's body is saved; while that rebuild runs, a's title is saved (its event comes later).
  s.save("b", text("B", "More body."));
  s.save("a", text("Renamed"));
  expect(dev.build([s.path("b")])).toBe(true);
  // The check saw a's new title, so the whole site follows b's page ...
  expect(dev.emitted).toEqual([s.path("b")]);
  expect(dev.build([s.path("b")])).toBe(false);
  // ... but Eleventy renders a from what it read before a's event: that event must rebuild the site again.
  expect(dev.build([s.path("a")])).toBe(false);
  // Once taken in, a's body edits are its page alone again.
  s.save("a", text("Renamed", "Edited."));
  expect(dev.build([s.path("a")])).toBe(true);
});

test("a full rebuild removes the pages the previous one wrote and it did not; an incremental one removes nothing", () => {
  const { s, dev } = twoPages();
  const out = (name: string) => {
    const path = join(s.root, "_site", name, "index.html");
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, "<p>page</p>");
    return path;
  };
  const [a, b] = [out("a"), out("b")];
  dev.initial([a, b]);
  s.save("a", text("A", "More body."));
  expect(dev.build([s.path("a")], [a])).toBe(true); // incremental: writes a only, b stays
  expect(existsSync(b)).toBe(true);
  s.save("b", text("Renamed B"));
  dev.build([s.path("b")], [a]); // a full rebuild that no longer writes b (deleted or moved)
  expect(existsSync(a)).toBe(true);
  expect(existsSync(b)).toBe(false);
});

test("the whole site's rebuild after an incremental one is asked for once Eleventy is idle, and not when a queued build paid it", () => {
  const { s, dev } = twoPages();
  dev.initial();
  // b's body is saved, and a's title while that rebuild runs: the check sees the title, so the site is owed a rebuild.
  s.save("b", text("B", "More body."));
  s.save("a", text("Renamed"));
  // Eleventy runs a's queued save right after b's rebuild, inside the same watch run: that build is whole and pays it.
  expect(dev.build([s.path("b")], [], false)).toBe(true);
  expect(dev.build([s.path("a")], [], false)).toBe(false);
  dev.settle();
  expect(dev.emitted).toEqual([]);
  // Owed with nothing queued behind it: asked for once, however often Eleventy's watch runs end meanwhile.
  s.save("b", text("B", "Edited again."));
  s.save("a", text("Renamed twice"));
  dev.build([s.path("b")], [], false);
  dev.settle();
  dev.settle();
  expect(dev.emitted).toEqual([s.path("b")]);
});
