import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { corpusFiles, navFile, writeCorpus } from "../../bench/corpus.ts";
import { COMING_SOON_IN_NAV, PAGES_PER_SECTION, planCorpus, plannedUrls, REAL_GUIDE } from "../../bench/corpus-plan.ts";
import { OVERVIEW_ID } from "../../bench/corpus-page.ts";
import { validateSite } from "../helpers/render.ts";
import { parseMediaMetadata } from "../../src/media/media-metadata.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";

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

  // The real guide's size: the averages below are the real guide's.
  const plan = planCorpus({ pagesPerLanguage: REAL_GUIDE.pagesPerLanguage, seed: 3 });
  const files = new Map([...corpusFiles(plan)].map((f) => [f.path, f.text]));
  const guides = [...files].filter(([path]) => /^content\/(ja|en)\/[^/]+\/(?!index\.md)[^/]+\.md$/.test(path)).map(([, text]) => text);
  const perPage = (pattern: RegExp) => guides.reduce((n, text) => n + (text.match(pattern)?.length ?? 0), 0) / guides.length;

  test("has every page in both languages, in the real guide's 5 sections, and home, about and section pages", () => {
    expect(plan.sections.map((s) => s.pages.length)).toEqual([17, 17, 17, 17, 17]);
    expect(new Set(plan.pages.map((p) => `${p.section}/${p.slug}`)).size).toBe(REAL_GUIDE.pagesPerLanguage);
    for (const url of plannedUrls(plan)) {
      const [, lang, ...rest] = url.split("/").filter((_, i, a) => i < a.length - 1);
      const path = rest.length === 0 ? `content/${lang}/index.md` : rest[0] === "about" ? `content/${lang}/about.md`
        : rest.length === 1 ? `content/${lang}/${rest[0]}/index.md` : `content/${lang}/${rest[0]}/${rest[1]}.md`;
      expect(files.has(path), path).toBe(true);
    }
    expect(plannedUrls(plan)).toHaveLength(2 * (REAL_GUIDE.pagesPerLanguage + 5 + 2));
    expect(guides).toHaveLength(2 * REAL_GUIDE.pagesPerLanguage);
  });

  test("grows by sections of 20 past 100 pages per language", () => {
    expect(planCorpus({ pagesPerLanguage: 100 }).sections).toHaveLength(5);
    expect(planCorpus({ pagesPerLanguage: 500 }).sections.map((s) => s.pages.length)).toEqual(Array(25).fill(PAGES_PER_SECTION));
  });

  test("pages hold what the real guide's pages hold, on average", () => {
    const media = perPage(/gyazo\.com\//g);
    expect(media).toBeGreaterThan(3.5);
    expect(media).toBeLessThan(4.5);
    expect(perPage(/\{gyazo=image\}/g) / media).toBeGreaterThan(0.6);
    expect(perPage(/\{gyazo=image\}/g) / media).toBeLessThan(0.8);
    expect(perPage(/\{gyazo=loop\}/g) / media).toBeGreaterThan(0.15);
    expect(perPage(/\{gyazo=loop\}/g) / media).toBeLessThan(0.35);
    expect(perPage(/\{gyazo=player\}/g)).toBeGreaterThan(0);
    expect(perPage(/^\[\]\(\/workflows\//gm)).toBeGreaterThan(1.3);
    expect(perPage(/^\[\]\(\/workflows\//gm)).toBeLessThan(1.7);
    expect(perPage(/^\{% mediaRow /gm)).toBeGreaterThan(0.05);
    expect(perPage(/^\{% mediaRow /gm)).toBeLessThan(0.3);
    for (const text of guides) {
      const headings = text.match(/^#{2,3} /gm)!.length;
      const fences = text.match(/^```\w/gm)?.length ?? 0;
      expect(headings).toBeGreaterThanOrEqual(5);
      expect(headings).toBeLessThanOrEqual(9);
      expect(fences).toBeGreaterThanOrEqual(1);
      expect(fences).toBeLessThanOrEqual(2);
    }
  });

  test("lists each page once in each language's nav, some in groups", () => {
    for (const lang of ["ja", "en"]) {
      const text = files.get(`content/_data/nav/${lang}.json`)!;
      const nav = JSON.parse(text) as { sections: { items: unknown[] }[] };
      const soon = plan.sections.flatMap((s) => s.comingSoon.map((c) => `"id":"${c.id}"`));
      const ids = JSON.stringify(nav).match(/"id":"[^"]+"/g)!
        .filter((m) => !plan.sections.some((s) => m === `"id":"${s.id}"`) && !soon.includes(m));
      expect(ids.sort()).toEqual(plan.pages.map((p) => `"id":"${p.slug}"`).sort());
      expect(text).toContain('"group"');
    }
  });

  test("coming-soon entries (an id and a label, no page) are in the nav only when the plan's flag is on", () => {
    const soon = plan.sections.flatMap((s) => s.comingSoon.map((c) => c.id));
    expect(soon).toHaveLength(5);
    const hidden = files.get("content/_data/nav/en.json")!;
    const shown = navFile(plan, "en", { comingSoon: true });
    expect(soon.every((id) => hidden.includes(`"${id}"`))).toBe(COMING_SOON_IN_NAV);
    for (const section of plan.sections) {
      for (const c of section.comingSoon) expect(shown).toContain(`"id": "${c.id}",\n          "label": ${JSON.stringify(c.labels.en)}`);
    }
    expect(plannedUrls(plan).some((url) => soon.some((id) => url.includes(id)))).toBe(false);
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

  test("has the real guide's 134 workflows of 5–60 KB, consistent UI-format JSON the site reads, one with a subgraph", () => {
    const workflows = [...files].filter(([p]) => p.startsWith("workflows/"));
    expect(workflows).toHaveLength(REAL_GUIDE.workflows);
    // A workflow grows a pipeline (≤ 6 KB) at a time, so the largest may pass 60 KB by part of one.
    for (const [path, text] of workflows) {
      expect(Buffer.byteLength(text), path).toBeGreaterThanOrEqual(5 * 1024);
      expect(Buffer.byteLength(text), path).toBeLessThanOrEqual(66 * 1024);
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
    const sizes = workflows.map(([, text]) => Buffer.byteLength(text)).sort((x, y) => x - y);
    expect(sizes.at(-1)!).toBeGreaterThan(45 * 1024);
    const withSubgraph = workflows.filter(([, text]) => text.includes('"subgraphs"'));
    expect(withSubgraph).toHaveLength(1);
    const read = readWorkflow(withSubgraph[0]![1]);
    expect(read.ok && read.workflow.subgraphs.length).toBe(1);
    // Every workflow is linked from some page.
    const linked = new Set(plan.pages.flatMap((p) => p.workflows));
    expect(workflows.every(([path]) => linked.has(path))).toBe(true);
  });

  test("passes the site's own content validation without a single diagnostic", () => {
    const root = mkdtempSync(join(tmpdir(), "bench-corpus-"));
    const { plan: small } = writeCorpus(root, { pagesPerLanguage: 30, seed: 5 });
    try {
      const diagnostics = validateSite(root);
      expect(diagnostics).toEqual([]);
      // mediaRow blocks and every media kind are among what passed.
      const text = [...corpusFiles(small)].map((f) => f.text).join("\n");
      for (const found of ["{% mediaRow ", "{gyazo=image}", "{gyazo=loop}", "{gyazo=player}", '"subgraphs"']) expect(text).toContain(found);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
