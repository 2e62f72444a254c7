/**
 * The benchmark end to end on a tiny corpus: every measurement runs and lands in the
 * report. No timing is asserted; timings on a shared 2-core machine prove nothing.
 */
import { describe, expect, test } from "vitest";
import { renderReport } from "../../bench/report.ts";
import { sectionCount } from "../../bench/corpus-plan.ts";
import { runBench, SEED_URL, type BenchResult } from "../../bench/run-bench.ts";

const N = 3;

describe("npm run bench, smoke run", () => {
  let result: BenchResult;
  let report: string;

  test("runs every measurement", { timeout: 600_000 }, async () => {
    result = await runBench({ sizes: [N], reps: 1, edits: 1, warmup: false, seed: 1, command: "npm run bench (smoke)", log: () => {},
      childTimeoutMs: 180_000 });
    report = renderReport(result);
    expect(result.sizes).toHaveLength(1);
  });

  test("ours (with and without search) and bare build every page of the corpus", () => {
    const [size] = result.sizes;
    // N guide pages, their sections' index pages, home and about, in two languages.
    expect(size!.expectedPages).toBe(2 * (N + sectionCount(N) + 2));
    for (const runs of [size!.full, size!.edited, size!.noSearch, size!.bare]) {
      expect(runs).toHaveLength(1);
      expect(runs[0]!.pagesBuilt).toBe(size!.expectedPages);
      expect(runs[0]!.wallMs).toBeGreaterThan(0);
      expect(runs[0]!.peakRssKb).toBeGreaterThan(0);
    }
    expect(size!.bare[0]!.htmlFiles).toBe(size!.expectedPages);
    // The full build is npm run build, search index included; the no-search build has none.
    expect(size!.full[0]!.searchIndex).toBe(true);
    expect(size!.edited[0]!.searchIndex).toBe(true);
    expect(size!.noSearch[0]!.searchIndex).toBe(false);
    expect(size!.bare[0]!.searchIndex).toBe(false);
  });

  test("CPU is measured for the whole process tree of each build (GNU time)", () => {
    const [size] = result.sizes;
    for (const run of [size!.full[0]!, size!.noSearch[0]!, size!.bare[0]!, size!.bareSearch[0]!]) {
      expect(run.cpuMs).toBeGreaterThan(0);
      expect(typeof run.leftBehind).toBe("boolean");
    }
  });

  test("the Pagefind CLI indexes every page of bare Eleventy's output", () => {
    const [search] = result.sizes[0]!.bareSearch;
    expect(search!.pages).toBe(result.sizes[0]!.bare[0]!.htmlFiles);
  });

  test("Pagefind indexes the built guide pages", () => {
    const [run] = result.sizes[0]!.pagefind;
    expect(run!.pages).toBeGreaterThanOrEqual(2 * N);
    expect(run!.pages).toBeLessThanOrEqual(result.sizes[0]!.noSearch[0]!.htmlFiles);
  });

  test("the dev server of ours and of bare rebuilds the edited page after each edit, in both modes", () => {
    // The runner fails unless the edited page's HTML holds each edit.
    const runs = result.sizes[0]!.watch.map((w) => [w.kind, w.mode, w.rebuilds.length]);
    expect(runs).toHaveLength(4);
    expect(runs).toEqual(expect.arrayContaining([["ours", "full", 1], ["ours", "incremental", 1], ["bare", "full", 1], ["bare", "incremental", 1]]));
  });

  test("a first build from nothing is measured too, and the build after it writes the same bytes", () => {
    const size = result.sizes[0]!;
    expect(size.first.length).toBe(size.full.length);
    expect(size.first.map((run) => run.pagesBuilt)).toEqual(size.full.map((run) => run.pagesBuilt));
    expect(size.firstDiffers).toEqual(size.full.map(() => []));
  });

  test("the seed page is weighed with the CSS and JS it loads", () => {
    expect(result.seedPage.url).toBe(SEED_URL);
    expect(result.seedPage.html.bytes).toBeGreaterThan(1000);
    expect(result.seedPage.css.length).toBeGreaterThan(0);
    expect(result.seedPage.js.length).toBeGreaterThan(0);
  });

  test("the report has every section and a row for the size", () => {
    for (const heading of ["## Targets", "## Full build against bare Eleventy + Pagefind", "## Full build after one page edit",
      "## Build without search against bare Eleventy",
      "## Pagefind indexing alone",
      "## Dev-server rebuild after editing one page", "## `npm start` over HTTP: edit → served", "## Seed page weight", "## Corpus sizes"]) {
      expect(report).toContain(heading);
    }
    // Full build, after one edit, first build, no-search build, Pagefind, 4× dev server, npm start over HTTP, corpus.
    expect(report.match(new RegExp(`^\\| ${N} \\|`, "gm"))).toHaveLength(11);
    for (const target of ["Full build (after a build) ≤ 1.3×", "Full build after one page edit ≤ 1.3×", "First build (no `.cache/`) ≤ 1.3×", "A build from `.cache/` writes byte for byte", "Peak RSS ≤ 1.3×", "Full build exits with no child process left behind", "Flat time per page", "Dev-server rebuild", "Seed page HTML", "Seed page JS"]) {
      expect(report).toContain(`| ${target}`);
    }
    expect(report).toMatch(/\(--incremental; bare Eleventy: [\d,]+ ms\)/);
    expect(report).toContain("| HTML | `/ja/basic-workflows/sd15-lora/` |");
  });

  test("npm start is measured over HTTP: the edited page, and a title edit shown on a neighbour", () => {
    const [run] = result.sizes[0]!.served;
    expect(run!.startMs).toBeGreaterThan(0);
    expect(run!.edits.map((e) => e.kind)).toEqual(["body", "title"]);
    expect(report).toContain("| pages/lang | first page served | page edit → served | title edit → shown in a neighbour |");
    expect(report).toMatch(/`npm start` serves an edit ≤ 300 ms from save at 500 pages\/lang .*\| not run \| not measured \|/);
  });
});
