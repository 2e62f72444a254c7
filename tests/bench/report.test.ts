import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { FINDINGS_MARKER, keptFindings, renderReport, writeReport } from "../../bench/report.ts";
import type { BenchResult, SizeResult, WatchRun } from "../../bench/run-bench.ts";
import type { SiteKind } from "../../bench/site-kinds.ts";
import { checkTargets } from "../../bench/targets.ts";

/** One dev-server session: a full, then an incremental rebuild, each settling 170 ms after eleventy.before. */
const session = (kind: SiteKind, firstBuildMs: number, fullMs: number, incrementalMs: number, rssMiB: number): WatchRun[] =>
  (["full", "incremental"] as const).map((mode) => {
    const editToWrittenMs = mode === "full" ? fullMs : incrementalMs;
    return { kind, mode, firstBuildMs, peakRssKb: rssMiB * 1024, rebuilds: [{ editToWrittenMs, buildMs: editToWrittenMs - 170 }] };
  });

/** `incrementalMs`: ours' `--incremental` rebuild, the one the target judges. */
const size = (n: number, oursMs: number[], bareMs: number[], incrementalMs: number): SizeResult => ({
  pagesPerLanguage: n,
  expectedPages: 2 * n,
  corpus: { files: 2 * n + 5, markdownBytes: 4000 * n, workflowBytes: 5000 * n },
  ours: oursMs.map((ms) => ({ ms, peakRssKb: 200 * 1024, pagesBuilt: 2 * n, htmlFiles: 2 * n + 3, searchIndex: false })),
  bare: bareMs.map((ms) => ({ ms, peakRssKb: 150 * 1024, pagesBuilt: 2 * n, htmlFiles: 2 * n, searchIndex: false })),
  pagefind: [{ ms: 900, peakRssKb: 90 * 1024, pages: 2 * n }],
  // Bare ran first here; the report still lists ours first.
  watch: [...session("bare", 1500, 400, 250, 160), ...session("ours", 3000, 1200, incrementalMs, 210)],
});

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
  test("judges each target on the 2,000-page run", () => {
    const checks = checkTargets(result([size(500, [1200, 1000], [1000, 1000], 450), size(2000, [4400, 4800], [4000, 4000], 700)]));
    expect(checks.map((c) => [c.measured, c.met])).toEqual([
      ["1.15×", true],
      ["1.10 → 1.15 ms/page (1.05×)", true],
      ["1,200 ms (npm start), 700 ms (--incremental; bare Eleventy: 250 ms)", false],
      ["29.3 KB", true],
      ["3.9 KB gzip", true],
    ]);
  });

  test("says which size stood in, and what it could not measure", () => {
    const checks = checkTargets(result([size(20, [3000], [1000], 200)], 20000));
    expect(checks[0]).toMatchObject({ measured: "3.00× (at 20/lang)", met: false });
    expect(checks[1]).toMatchObject({ measured: "needs two sizes", met: null });
    expect(checks[4]).toMatchObject({ met: false });
  });

  test("judges the rebuild on ours' --incremental, and leaves out a bare run it does not have", () => {
    const fast = size(20, [3000], [1000], 450);
    expect(checkTargets(result([fast]))[2]).toMatchObject({
      measured: "1,200 ms (npm start), 450 ms (--incremental; bare Eleventy: 250 ms) (at 20/lang)", met: true });
    const oursOnly = { ...fast, watch: fast.watch.filter((w) => w.kind === "ours") };
    expect(checkTargets(result([oursOnly]))[2]).toMatchObject({
      measured: "1,200 ms (npm start), 450 ms (--incremental) (at 20/lang)", met: true });
    expect(checkTargets(result([{ ...fast, watch: [] }]))[2]).toMatchObject({ met: null });
  });
});

describe("the report", () => {
  const run = result([size(500, [1200, 1000], [1000, 1000], 450), size(2000, [4400, 4800], [4000, 4000], 700)]);
  const text = renderReport(run);

  test("names the command, date and machine", () => {
    expect(text).toContain("`npm run bench`");
    expect(text).toContain("2026-01-01T00:00:00.000Z (took 6.0 min)");
    expect(text).toContain("Test CPU, 2 cores, 8 GiB RAM, Linux 6");
  });

  test("has a row per size in every table, with medians and ranges", () => {
    expect(text).toContain("| 500 | 1,000 / 1,000 | 1.10 s (1.00–1.20) | 1.00 s (1.00–1.00) | 1.10× (1.00–1.20) | 1.10 ms | 1.00 ms | — | 200 MiB (200–200) | 150 MiB (150–150) |");
    expect(text).toContain("| 2,000 | 4,000 / 4,000 | 4.60 s (4.40–4.80) | 4.00 s (4.00–4.00) | 1.15× (1.10–1.20) | 1.15 ms | 1.00 ms | 1.17 / 1.00 ms |");
    expect(text).toContain("| 2,000 | 4,000 | 0.90 s | 0.23 ms | 90 MiB |");
    expect(text).toContain("| HTML | `/ja/basic-workflows/sd15-lora/` | 30,000 | 8,000 |");
    expect(text).toContain("| JS total |  | 12,000 | 4,000 (3.9 KB) |");
    expect(text).toContain("| Dev-server rebuild after one edit ≤ 500 ms | 1,200 ms (npm start), 700 ms (--incremental; bare Eleventy: 250 ms) | **missed** |");
  });

  test("lists the dev-server rows of each size as ours full, ours incremental, bare full, bare incremental", () => {
    const rows = [
      "| 2,000 | ours | `npm start` (full rebuild) | 3.00 s | 1200 ms | 1030 ms | 210 MiB |",
      "| 2,000 | ours | `--incremental` | 3.00 s | 700 ms | 530 ms | 210 MiB |",
      "| 2,000 | bare | `--serve` (full rebuild) | 1.50 s | 400 ms | 230 ms | 160 MiB |",
      "| 2,000 | bare | `--incremental` | 1.50 s | 250 ms | 80 ms | 160 MiB |",
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
