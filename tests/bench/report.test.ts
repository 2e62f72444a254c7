import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { FINDINGS_MARKER, keptFindings, renderReport, writeReport } from "../../bench/report.ts";
import type { BenchResult, SizeResult, WatchRun } from "../../bench/run-bench.ts";
import type { SiteKind } from "../../bench/site-kinds.ts";
import { checkTargets } from "../../bench/targets.ts";
import { servedChecks } from "../../bench/served-targets.ts";

/** One dev-server session: a full, then an incremental rebuild, each settling 170 ms after eleventy.before. */
const session = (kind: SiteKind, firstBuildMs: number, fullMs: number, incrementalMs: number, rssMiB: number): WatchRun[] =>
  (["full", "incremental"] as const).map((mode) => {
    const editToWrittenMs = mode === "full" ? fullMs : incrementalMs;
    return { kind, mode, firstBuildMs, peakRssKb: rssMiB * 1024, rebuilds: [{ editToWrittenMs, buildMs: editToWrittenMs - 170 }] };
  });

/** One whole process: wall and CPU in ms (CPU defaults to the wall time), peak RSS in MiB. */
const measure = (wallMs: number, rssMiB: number, cpuMs = wallMs) => ({ wallMs, cpuMs, peakRssKb: rssMiB * 1024, leftBehind: false });

/** Wall times per repetition of each build; `cpuFactor` scales ours' CPU (full and no-search). */
interface Runs { full: number[]; noSearch: number[]; bare: number[]; cli: number[]; cpuFactor?: number; first?: number[]; edited?: number[] }

/** `incrementalMs`: ours' `--incremental` rebuild, the one the target judges. Ours peaks at 200 MiB (190 without search), bare at 150, the CLI at 60. */
const size = (n: number, runs: Runs, incrementalMs: number): SizeResult => {
  const built = (searchIndex: boolean, htmlFiles: number) => ({ pagesBuilt: 2 * n, htmlFiles, searchIndex });
  const f = runs.cpuFactor ?? 1;
  return {
    pagesPerLanguage: n,
    expectedPages: 2 * n,
    corpus: { files: 2 * n + 5, markdownBytes: 4000 * n, workflowBytes: 5000 * n, workflows: n, media: 4 * n },
    full: runs.full.map((ms) => ({ ...measure(ms, 200, ms * f), ...built(true, 2 * n + 3) })),
    first: (runs.first ?? []).map((ms) => ({ ...measure(ms, 200, ms * f), ...built(true, 2 * n + 3) })),
    edited: (runs.edited ?? []).map((ms) => ({ ...measure(ms, 200, ms * f), ...built(true, 2 * n + 3) })),
    firstDiffers: (runs.first ?? []).map(() => []),
    noSearch: runs.noSearch.map((ms) => ({ ...measure(ms, 190, ms * f), ...built(false, 2 * n + 3) })),
    bare: runs.bare.map((ms) => ({ ...measure(ms, 150), ...built(false, 2 * n) })),
    bareSearch: runs.cli.map((ms) => ({ ...measure(ms, 60), pages: 2 * n })),
    pagefind: [{ ms: 900, ...measure(1200, 90, 1100), pages: 2 * n }],
    // Bare ran first here; the report still lists ours first.
    watch: [...session("bare", 1500, 400, 250, 160), ...session("ours", 3000, 1200, incrementalMs, 210)],
    served: [],
  };
};

/** 100 pages/lang: full 1.30× the baseline (met), 500: 1.40× (missed); no 2,000 run. */
const small = () => size(100, { full: [1300], noSearch: [1000], bare: [800], cli: [200] }, 450);
const medium = () => size(500, { full: [2600, 3000], noSearch: [2000, 2400], bare: [1800, 1800], cli: [200, 200] }, 700);

const result = (sizes: SizeResult[], jsGzipBytes = 4000): BenchResult => ({
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:06:00.000Z",
  machine: { cpu: "Test CPU", cores: 2, memoryGiB: 8, os: "Linux 6", node: "v20.0.0", eleventy: "3.1.8", pagefind: "1.6.0" },
  options: { sizes: sizes.map((s) => s.pagesPerLanguage), reps: 2, edits: 1, warmup: true, seed: 1, command: "npm run bench" },
  sizes,
  seedPage: {
    url: "/ja/basic-workflows/sd15-lora/",
    html: { url: "/ja/basic-workflows/sd15-lora/", bytes: 30000, gzipBytes: 8000 },
    css: [{ url: "/assets/css/site.css", bytes: 20000, gzipBytes: 5000 }],
    js: [{ url: "/assets/js/main.js", bytes: 12000, gzipBytes: jsGzipBytes }],
    cssGzipBytes: 5000,
    jsGzipBytes,
  },
});

describe("checkTargets", () => {
  test("judges the full build against bare Eleventy + the Pagefind CLI at 100, 500 and 2,000 pages/lang", () => {
    const checks = checkTargets(result([small(), medium()]));
    expect(checks.slice(0, 3).map((c) => [c.target, c.measured, c.met])).toEqual([
      ["Full build (after a build) ≤ 1.3× bare Eleventy + Pagefind CLI (wall and CPU) at 100 pages/lang", "wall 1.30×, CPU 1.30×", true],
      ["Full build (after a build) ≤ 1.3× bare Eleventy + Pagefind CLI (wall and CPU) at 500 pages/lang", "wall 1.40×, CPU 1.40×", false],
      ["Full build (after a build) ≤ 1.3× bare Eleventy + Pagefind CLI (wall and CPU) at 2,000 pages/lang", "not run", null],
    ]);
  });

  test("judges the first build (no .cache/) on its own, and whether the next build wrote the same files", () => {
    const both = size(100, { full: [1300, 1300], first: [2000, 2200], noSearch: [1000, 1000], bare: [800, 800], cli: [200, 200] }, 450);
    const checks = checkTargets(result([both]));
    expect(checks[6]).toMatchObject({
      target: "First build (no `.cache/`) ≤ 1.3× bare Eleventy + Pagefind CLI (wall and CPU) at 100 pages/lang", measured: "wall 2.10×, CPU 2.10×", met: false });
    expect(checks[7]).toMatchObject({ measured: "not run", met: null });
    expect(checks[9]).toMatchObject({ measured: "identical in 2 of 2 pair(s), at 100 pages/lang", met: true });
    both.firstDiffers[1] = ["ja/a/index.html"];
    expect(checkTargets(result([both]))[9]).toMatchObject({ measured: "1 file(s) differ at 100/lang: ja/a/index.html", met: false });
    const report = renderReport(result([both]), "");
    expect(report).toContain("## First build against the build after it");
    expect(report).toContain("| 100 | 2.10 s (2.00–2.20) | 1.00 s (1.00–1.00) | 2.10× (2.00–2.20) | 2.10 s (2.00–2.20) | 1.00 s (1.00–1.00) | 2.10× (2.00–2.20) | 1.30 s (1.30–1.30) | 0.62× (0.59–0.65) |");
    expect(report).toContain("**1 of 2 differ**");
  });

  test("judges the build after one page edit on its own, with a table of its own", () => {
    const edited = size(100, { full: [1100, 1100], edited: [1400, 1500], noSearch: [1000, 1000], bare: [800, 800], cli: [200, 200] }, 450);
    const checks = checkTargets(result([edited]));
    expect(checks[0]).toMatchObject({ measured: "wall 1.10×, CPU 1.10×", met: true });
    expect(checks[3]).toMatchObject({
      target: "Full build after one page edit ≤ 1.3× bare Eleventy + Pagefind CLI (wall and CPU) at 100 pages/lang", measured: "wall 1.45×, CPU 1.45×", met: false });
    expect(checks[4]).toMatchObject({ measured: "not run", met: null });
    const report = renderReport(result([edited]), "");
    const table = report.slice(report.indexOf("## Full build after one page edit"));
    expect(table).toContain("| 100 | 200 / 200 | 1.45 s (1.40–1.50) | 1.00 s (1.00–1.00) | 1.45× (1.40–1.50) |");
  });

  test("CPU counts as much as wall time", () => {
    const busy = size(100, { full: [1200], noSearch: [1000], bare: [800], cli: [200], cpuFactor: 1.5 }, 450);
    expect(checkTargets(result([busy]))[0]).toMatchObject({ measured: "wall 1.20×, CPU 1.80×", met: false });
  });

  test("peak RSS is judged against the larger of bare Eleventy's and the CLI's, at every size", () => {
    expect(checkTargets(result([small(), medium()]))[10]).toMatchObject({
      target: "Peak RSS ≤ 1.3× bare Eleventy + Pagefind CLI", measured: "1.33× at 100/lang, 1.33× at 500/lang", met: false });
  });

  test("judges flat time per page on the no-search build, the rebuild at the largest size, and the seed page", () => {
    const checks = checkTargets(result([small(), medium()]));
    expect(checks.slice(11).map((c) => [c.measured, c.met])).toEqual([
      ["5.00 → 2.20 ms/page (0.44×)", true],
      ["1,200 ms (npm start), 700 ms (--incremental; bare Eleventy: 250 ms) (at 500/lang)", false],
      ["29.3 KB", true],
      ["3.9 KB gzip", true],
      ["none in 3 build(s)", true],
    ]);
  });

  test("a full build that leaves a process running misses the exit target", () => {
    const leaky = medium();
    leaky.full[1]!.leftBehind = true;
    expect(checkTargets(result([small(), leaky])).at(-1)).toMatchObject({
      target: "Full build exits with no child process left behind", measured: "1 of 3 build(s) left processes running", met: false });
  });

  test("says what one size cannot measure", () => {
    const checks = checkTargets(result([small()], 20000));
    expect(checks[11]).toMatchObject({ measured: "needs two sizes", met: null });
    expect(checks.at(-2)).toMatchObject({ met: false });
  });

  test("judges the rebuild on ours' --incremental, and leaves out a bare run it does not have", () => {
    const fast = small();
    expect(checkTargets(result([fast]))[12]).toMatchObject({
      measured: "1,200 ms (npm start), 450 ms (--incremental; bare Eleventy: 250 ms) (at 100/lang)", met: true });
    const oursOnly = { ...fast, watch: fast.watch.filter((w) => w.kind === "ours") };
    expect(checkTargets(result([oursOnly]))[12]).toMatchObject({
      measured: "1,200 ms (npm start), 450 ms (--incremental) (at 100/lang)", met: true });
    expect(checkTargets(result([{ ...fast, watch: [] }]))[12]).toMatchObject({ met: null });
  });
});

describe("the report", () => {
  const run = result([small(), medium()]);
  const text = renderReport(run);

  test("names the command, date and machine", () => {
    expect(text).toContain("`npm run bench`");
    expect(text).toContain("2026-01-01T00:00:00.000Z (took 6.0 min)");
    expect(text).toContain("Test CPU, 2 cores, 8 GiB RAM, Linux 6");
  });

  test("has a row per size in every table, with medians, ranges and ratios of wall, CPU and peak RSS", () => {
    // Full build against bare + CLI: times add up (2.00 s), memory is the larger (150 MiB).
    expect(text).toContain("| 500 | 1,000 / 1,000 | 2.80 s (2.60–3.00) | 2.00 s (2.00–2.00) | 1.40× (1.30–1.50) | 2.80 s (2.60–3.00) | 2.00 s (2.00–2.00) | 1.40× (1.30–1.50) | 200 MiB (200–200) | 150 MiB (150–150) | 1.33× (1.33–1.33) |");
    expect(text).toContain("| 100 | 200 / 200 | 1.00 s | 0.80 s | 1.25× | 1.00 s | 0.80 s | 1.25× | 190 MiB | 150 MiB | 1.27× | 5.00 / 4.00 ms | — |");
    expect(text).toContain("| 500 | 1,000 / 1,000 | 2.20 s (2.00–2.40) | 1.80 s (1.80–1.80) | 1.22× (1.11–1.33) | 2.20 s (2.00–2.40) | 1.80 s (1.80–1.80) | 1.22× (1.11–1.33) | 190 MiB (190–190) | 150 MiB (150–150) | 1.27× (1.27–1.27) | 2.20 / 1.80 ms | 1.50 / 1.25 ms |");
    expect(text).toContain("| 500 | 1,000 | 0.90 s | 0.90 ms | 1.20 s | 1.10 s | 90 MiB | 1,000 | 0.20 s (0.20–0.20) | 0.20 s (0.20–0.20) | 60 MiB (60–60) |");
    expect(text).toContain("| 500 | 1,005 | 1953.1 KB | 500 | 2441.4 KB | 2,000 |");
    expect(text).toContain("| HTML | `/ja/basic-workflows/sd15-lora/` | 30,000 | 8,000 |");
    expect(text).toContain("| JS total |  | 12,000 | 4,000 (3.9 KB) |");
    expect(text).toContain("| Dev-server rebuild after one edit ≤ 500 ms | 1,200 ms (npm start), 700 ms (--incremental; bare Eleventy: 250 ms) (at 500/lang) | **missed** |");
  });

  test("shows no CPU figures when GNU time was missing, rather than zeros", () => {
    const blind = small();
    for (const r of [...blind.full, ...blind.bare, ...blind.bareSearch]) r.cpuMs = 0;
    const row = renderReport(result([blind])).split("\n").find((l) => l.startsWith("| 100 | 200 / 200 | 1.30 s"));
    expect(row).toContain("| 1.30× | — | — | — |");
    expect(checkTargets(result([blind]))[0]).toMatchObject({ measured: "wall 1.30×, CPU unknown (no GNU time)", met: null });
  });

  test("lists the dev-server rows of each size as ours full, ours incremental, bare full, bare incremental", () => {
    const rows = [
      "| 500 | ours | `npm start` (full rebuild) | 3.00 s | 1200 ms | 1030 ms | 210 MiB |",
      "| 500 | ours | `--incremental` | 3.00 s | 700 ms | 530 ms | 210 MiB |",
      "| 500 | bare | `--serve` (full rebuild) | 1.50 s | 400 ms | 230 ms | 160 MiB |",
      "| 500 | bare | `--incremental` | 1.50 s | 250 ms | 80 ms | 160 MiB |",
    ];
    const at = rows.map((row) => text.indexOf(row));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).toContain("| pages/lang | kind | mode | first build | edit → written | rebuild | peak RSS |");
  });

  test("keeps the findings of the previous report when rewritten", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-report-"));
    const path = join(dir, "BENCHMARKS.md");
    writeFileSync(path, `# old numbers\n\n${FINDINGS_MARKER}\n\n## Findings\n\nValidation parses every page twice.\n`);
    writeReport(path, run);
    const written = readFileSync(path, "utf8");
    rmSync(dir, { recursive: true, force: true });
    expect(written).not.toContain("old numbers");
    expect(keptFindings(written)).toBe("\n\n## Findings\n\nValidation parses every page twice.\n");
    expect(written.indexOf("## Targets")).toBeLessThan(written.indexOf(FINDINGS_MARKER));
  });
});

describe("the dev loop over HTTP", () => {
  const served = (n: number, body: number[], title: number[]): SizeResult => ({
    ...medium(), pagesPerLanguage: n,
    served: [{ startMs: 4200, edits: [...body.map((ms) => ({ kind: "body" as const, ms })), ...title.map((ms) => ({ kind: "title" as const, ms }))] }],
  });

  test("judges the slower of the page edit and the title edit, at 500 and 2,000 pages/lang", () => {
    expect(servedChecks(result([served(500, [250, 280], [260])]))).toEqual([
      { target: expect.stringContaining("≤ 300 ms from save at 500 pages/lang"), measured: "265 ms (page), 260 ms (title in a neighbour)", met: true },
      { target: expect.stringContaining("≤ 500 ms from save at 2,000 pages/lang"), measured: "not run", met: null },
    ]);
    expect(servedChecks(result([served(500, [250], [900])]))[0]).toMatchObject({ met: false });
    expect(servedChecks(result([served(2000, [450], [480])]))[1]).toMatchObject({ met: true });
  });

  test("has a row per size and the targets in the report", () => {
    const text = renderReport(result([served(500, [250, 280], [260])]));
    expect(text).toContain("| 500 | 4.20 s | 265 ms (250–280) | 260 ms |");
    expect(text).toContain("265 ms (page), 260 ms (title in a neighbour) | met |");
  });
});
