import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { corpusFiles, writeCorpus } from "../../bench/corpus.ts";
import { PAGES_PER_SECTION, planCorpus, plannedUrls } from "../../bench/corpus-plan.ts";
import { OVERVIEW_ID } from "../../bench/corpus-page.ts";
import { validateSite } from "../helpers/render.ts";
import { parseMediaMetadata } from "../../src/media/media-metadata.ts";

const digest = (seed: number, n: number) => {
  const hash = createHash("sha256");
  for (const f of corpusFiles(planCorpus({ pagesPerLanguage: n, seed }))) hash.update(f.path).update(f.text);
  return hash.digest("hex");
};

describe("the synthetic corpus", () => {
  test("is the same for the same seed, and differs for another", () => {
    expect(digest(7, 6)).toBe(digest(7, 6));
    expect(digest(7, 6)).not.toBe(digest(8, 6));
  });

  const plan = planCorpus({ pagesPerLanguage: 90, seed: 3 });
  const files = new Map([...corpusFiles(plan)].map((f) => [f.path, f.text]));

  test("has every page in both languages, sections of 40, and home, about and section pages", () => {
    expect(plan.sections).toHaveLength(Math.ceil(90 / PAGES_PER_SECTION));
    expect(new Set(plan.pages.map((p) => `${p.section}/${p.slug}`)).size).toBe(90);
    for (const url of plannedUrls(plan)) {
      const [, lang, ...rest] = url.split("/").filter((_, i, a) => i < a.length - 1);
      const path = rest.length === 0 ? `content/${lang}/index.md` : rest[0] === "about" ? `content/${lang}/about.md`
        : rest.length === 1 ? `content/${lang}/${rest[0]}/index.md` : `content/${lang}/${rest[0]}/${rest[1]}.md`;
      expect(files.has(path), path).toBe(true);
    }
    expect(plannedUrls(plan)).toHaveLength(2 * (90 + plan.sections.length + 2));
  });

  test("lists each page once in each language's nav", () => {
    for (const lang of ["ja", "en"]) {
      const nav = JSON.parse(files.get(`content/_data/nav/${lang}.json`)!) as { sections: { items: unknown[] }[] };
      const ids = JSON.stringify(nav).match(/"id":"[^"]+"/g)!.filter((m) => !plan.sections.some((s) => m === `"id":"${s.id}"`));
      expect(ids.sort()).toEqual(plan.pages.map((p) => `"id":"${p.slug}"`).sort());
    }
  });

  test("links only to files, pages, headings and Gyazo ids that exist", () => {
    const media = parseMediaMetadata(files.get("content/_data/media.json")!, "media.json");
    const urls = new Set(plannedUrls(plan));
    for (const [path, text] of files) {
      if (!path.endsWith(".md")) continue;
      for (const [, id] of text.matchAll(/gyazo\.com\/([0-9a-f]{32})/g)) expect(media[id!], `${path}: ${id}`).toBeDefined();
      for (const [, href] of text.matchAll(/\]\((\/[^)]*)\)/g)) {
        if (href!.startsWith("/workflows/")) expect(files.has(href!.slice(1)), `${path}: ${href}`).toBe(true);
        else {
          const [url, fragment] = href!.split("#");
          expect(urls.has(url!), `${path}: ${href}`).toBe(true);
          if (fragment) expect(fragment).toBe(OVERVIEW_ID);
        }
      }
    }
  });

  test("workflows are 10–40 KB of consistent UI-format JSON", () => {
    const workflows = [...files].filter(([p]) => p.startsWith("workflows/"));
    expect(workflows.length).toBe(Math.ceil(90 / 4));
    for (const [path, text] of workflows) {
      expect(Buffer.byteLength(text), path).toBeGreaterThanOrEqual(10 * 1024);
      expect(Buffer.byteLength(text), path).toBeLessThanOrEqual(40 * 1024);
      const wf = JSON.parse(text) as {
        nodes: { id: number; inputs: { link: number | null }[]; outputs: { links: number[] }[] }[];
        links: [number, number, number, number, number, string][];
      };
      const nodes = new Map(wf.nodes.map((n) => [n.id, n]));
      for (const [id, from, fromSlot, to, toSlot] of wf.links) {
        expect(nodes.get(from)!.outputs[fromSlot]!.links).toContain(id);
        expect(nodes.get(to)!.inputs[toSlot]!.link).toBe(id);
      }
    }
  });

  test("passes the site's own content validation without a single diagnostic", () => {
    const root = mkdtempSync(join(tmpdir(), "bench-corpus-"));
    writeCorpus(root, { pagesPerLanguage: 12, seed: 5 });
    try {
      const diagnostics = validateSite(root);
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
