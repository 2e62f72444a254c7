/** BENCHMARKS.md: the tables of one run, its machine, date and command; findings kept across runs. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { formatSummary, pairedRatios, summarize } from "./stats.ts";
import { baselineRuns, checkTargets, marginalMs, perPageMs, type Measure } from "./targets.ts";
import type { BenchResult, SizeResult, WatchRun } from "./run-bench.ts";
import type { ProcessMeasure } from "./child-process.ts";
import type { AssetWeight } from "./page-weight.ts";
import { servedChecks, servedRows } from "./served-targets.ts";

/** Everything after this line in an existing report is the authors' findings, carried over. */
export const FINDINGS_MARKER = "<!-- findings: everything below this line is kept when `npm run bench` rewrites the file -->";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
// Unit-less forms for spreads, whose unit is written once.
const s2 = (ms: number) => (ms / 1000).toFixed(2);
const ms0 = (ms: number) => String(Math.round(ms));
const mib0 = (kb: number) => String(Math.round(kb / 1024));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const count = (n: number) => n.toLocaleString("en");
const spread = (values: number[], format: (v: number) => string, unit: string) => formatSummary(summarize(values), format, unit);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** What a build is compared on; a baseline of two processes has no single `leftBehind`. */
type Costs = Pick<ProcessMeasure, Measure>;

const ratioSpread = (ours: readonly Costs[], baseline: readonly Costs[], measure: Measure) =>
  spread(pairedRatios(ours.map((r) => r[measure]), baseline.map((r) => r[measure])), (v) => v.toFixed(2), "×");

/** Wall, CPU and peak RSS of ours and a baseline, each with its paired ratio. */
function compareCells(ours: readonly Costs[], baseline: readonly Costs[]): string[] {
  const cpuKnown = [...ours, ...baseline].every((r) => r.cpuMs > 0);
  return [
    spread(ours.map((r) => r.wallMs), s2, " s"), spread(baseline.map((r) => r.wallMs), s2, " s"), ratioSpread(ours, baseline, "wallMs"),
    ...(cpuKnown
      ? [spread(ours.map((r) => r.cpuMs), s2, " s"), spread(baseline.map((r) => r.cpuMs), s2, " s"), ratioSpread(ours, baseline, "cpuMs")]
      : ["—", "—", "—"]),
    spread(ours.map((r) => r.peakRssKb), mib0, " MiB"), spread(baseline.map((r) => r.peakRssKb), mib0, " MiB"),
    ratioSpread(ours, baseline, "peakRssKb"),
  ];
}

const COMPARE_HEADER = ["wall: ours", "wall: baseline", "wall ratio", "CPU: ours", "CPU: baseline", "CPU ratio",
  "peak RSS: ours", "peak RSS: baseline", "RSS ratio"];

function fullBuildRows(sizes: SizeResult[], runs: "full" | "edited" = "full"): string[][] {
  return sizes.filter((s) => s[runs].length > 0).map((s) => [
    count(s.pagesPerLanguage),
    `${count(s[runs].at(-1)?.pagesBuilt ?? 0)} / ${count(s.expectedPages)}`,
    ...compareCells(s[runs], baselineRuns(s)),
  ]);
}

/** The first build (nothing on disk), the build after it, and whether they wrote the same files. */
function firstBuildRows(sizes: SizeResult[]): string[][] {
  return sizes.filter((s) => s.first.length > 0).map((s) => {
    const differing = s.firstDiffers.filter((files) => files.length > 0).length;
    return [
      count(s.pagesPerLanguage),
      ...compareCells(s.first, baselineRuns(s)).slice(0, 6),
      spread(s.full.map((r) => r.wallMs), s2, " s"),
      ratioSpread(s.full, s.first, "wallMs"),
      ratioSpread(s.full, s.first, "cpuMs"),
      differing === 0 ? `identical (${s.firstDiffers.length} of ${s.firstDiffers.length})` : `**${differing} of ${s.firstDiffers.length} differ**`,
    ];
  });
}

function noSearchRows(sizes: SizeResult[]): string[][] {
  return sizes.map((s, i) => [
    count(s.pagesPerLanguage),
    `${count(s.noSearch.at(-1)?.pagesBuilt ?? 0)} / ${count(s.expectedPages)}`,
    ...compareCells(s.noSearch, s.bare),
    `${perPageMs(s, "noSearch").toFixed(2)} / ${perPageMs(s, "bare").toFixed(2)} ms`,
    i === 0 ? "—" : `${marginalMs(sizes[i - 1]!, s, "noSearch").toFixed(2)} / ${marginalMs(sizes[i - 1]!, s, "bare").toFixed(2)} ms`,
  ]);
}

function modeLabel(w: WatchRun): string {
  if (w.mode === "incremental") return "`--incremental`";
  return w.kind === "ours" ? "`npm start` (full rebuild)" : "`--serve` (full rebuild)";
}

/** Per size: ours, then bare, whichever order they ran in. */
function watchRows(sizes: SizeResult[]): string[][] {
  return sizes.flatMap((s) =>
    [...s.watch.filter((w) => w.kind === "ours"), ...s.watch.filter((w) => w.kind === "bare")].map((w) => [
      count(s.pagesPerLanguage),
      w.kind,
      modeLabel(w),
      seconds(w.firstBuildMs),
      spread(w.rebuilds.map((r) => r.editToWrittenMs), ms0, " ms"),
      spread(w.rebuilds.map((r) => r.buildMs), ms0, " ms"),
      `${mib0(w.peakRssKb)} MiB`,
    ]),
  );
}

const assetRow = (kind: string, a: AssetWeight) => [kind, `\`${a.url}\``, count(a.bytes), count(a.gzipBytes)];

/** The report for one run, followed by `findings` (the part kept from the previous report). */
export function renderReport(result: BenchResult, findings = ""): string {
  const { machine: m, options: o, seedPage: seed } = result;
  const sizes = [...result.sizes].sort((a, b) => a.pagesPerLanguage - b.pagesPerLanguage);
  const minutes = (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 60000;
  const checks = [...checkTargets(result), ...servedChecks(result)];
  const verdict = (met: boolean | null) => (met === null ? "not measured" : met ? "met" : "**missed**");
  return [
    "# Benchmarks",
    "",
    `Written by \`${o.command}\` from an actual run; rerun it to refresh every number. ` +
      `Repetitions: ${o.reps}, interleaved ours/bare, each build in a fresh process; ` +
      `cells are median (min–max). KB = 1,024 bytes.`,
    "",
    `- Date: ${result.startedAt} (took ${minutes.toFixed(1)} min)`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}`,
    `- Software: Node ${m.node}, Eleventy ${m.eleventy}, Pagefind ${m.pagefind}`,
    `- Corpus: synthetic (seed ${o.seed}), shaped after a real 171-page ja/en guide: per language N guide pages ` +
      `(5 sections up to 100 pages, then 20 pages a section), plus home, about and section pages; per page about ` +
      `4 Gyazo media (70% images, 25% loops, the rest players), 1.5 workflow links, 0.15 mediaRow blocks, 5–9 h2/h3 ` +
      `headings and 1–2 code fences; 134 workflows per 85 pages of 5–60 KB, one with a subgraph; nav with groups and a coming-soon entry per section.`,
    `- Every build is a whole process run from the corpus root, as a user runs it: wall time from spawn to exit, ` +
      `CPU = user + system of the process, the children it waited for (GNU time) and any it left running (read ` +
      `from /proc until they exit), peak RSS of its largest process. Ratios are ours ÷ baseline per repetition, then the median.`,
    "",
    "## Targets",
    "",
    table(["target", "measured", "verdict"], checks.map((c) => [c.target, c.measured, verdict(c.met)])),
    "",
    "## Full build against bare Eleventy + Pagefind",
    "",
    "Ours is `npm run build` on the corpus (`node src/cli/run-compiled.mjs --once src/cli/build.ts`: the project's " +
      "configureSite, search index included, from the compiled bundle and the `.cache/` results a previous build left, " +
      "with nothing changed in between, so the search index is the one kept for the same pages; one edited page is the " +
      "next table, the first build the one after it); npm's own start-up is left out. The baseline is bare " +
      "Eleventy 3 as a stock JavaScript site (plain Node, bench/sites/bare.config.mjs: stock markdown-it, a one-line " +
      "layout, the same permalinks, mediaRow passed through), then the Pagefind CLI on its output " +
      "(`npx pagefind --site <out>` without npx's start-up): wall and CPU add up, peak RSS is the larger of the two.",
    "",
    table(["pages/lang", "pages built", ...COMPARE_HEADER], fullBuildRows(sizes)),
    "",
    "## Full build after one page edit",
    "",
    "Right after each build above, one paragraph is added to one translated page and `npm run build` runs again: " +
      "what a push that edits a page builds. The page is rendered again and Pagefind indexes every page (its index " +
      "cannot be updated in part); everything else comes from `.cache/`. The baseline is the same as above.",
    "",
    table(["pages/lang", "pages built", ...COMPARE_HEADER], fullBuildRows(sizes, "edited")),
    "",
    "## First build against the build after it",
    "",
    "The same repetitions: before each `npm run build` above, one with the corpus's `.cache/` deleted (what a fresh " +
      "clone or CI builds from: no page render, workflow result, bundle or preview kept from an earlier run; the " +
      "compiled bundle of the CLI is the one the other rows use), first against the baseline, then the build right " +
      "after it, which reads what the first one kept. Every file of the two outputs is compared, the search index included.",
    "",
    table(["pages/lang", "wall: first", "wall: baseline", "wall ratio", "CPU: first", "CPU: baseline", "CPU ratio",
      "wall: after it", "after ÷ first (wall)", "after ÷ first (CPU)", "outputs"], firstBuildRows(sizes)),
    "",
    "## Build without search against bare Eleventy",
    "",
    "Ours without its search step (the Eleventy CLI on bench/sites/ours-no-search.config.ts, compiled as " +
      "`npm run build` is) against bare Eleventy alone, from the " +
      "same repetitions. Per page is the median wall time over the pages built; marginal is the extra wall time per " +
      "extra page since the previous size, free of start-up cost.",
    "",
    table(["pages/lang", "pages built", ...COMPARE_HEADER, "per page (ours / bare)", "marginal/page (ours / bare)"], noSearchRows(sizes)),
    "",
    "## Pagefind indexing alone",
    "",
    "The site's own indexing step (src/build/search-index.ts, Pagefind's Node API) over the no-search build: the " +
      "pages marked `data-pagefind-body`, in a fresh process; beside it the Pagefind CLI over bare Eleventy's output " +
      "(every page), from the baseline above.",
    "",
    table(["pages/lang", "pages indexed", "indexing", "per page", "process wall", "process CPU", "peak RSS",
      "CLI: pages", "CLI: wall", "CLI: CPU", "CLI: peak RSS"], sizes.map((s) => [
      count(s.pagesPerLanguage), count(s.pagefind.at(-1)?.pages ?? 0), spread(s.pagefind.map((r) => r.ms), s2, " s"),
      `${(summarize(s.pagefind.map((r) => r.ms)).median / s.expectedPages).toFixed(2)} ms`,
      spread(s.pagefind.map((r) => r.wallMs), s2, " s"), spread(s.pagefind.map((r) => r.cpuMs), s2, " s"),
      spread(s.pagefind.map((r) => r.peakRssKb), mib0, " MiB"),
      count(s.bareSearch.at(-1)?.pages ?? 0), spread(s.bareSearch.map((r) => r.wallMs), s2, " s"),
      spread(s.bareSearch.map((r) => r.cpuMs), s2, " s"), spread(s.bareSearch.map((r) => r.peakRssKb), mib0, " MiB"),
    ])),
    "",
    "## Dev-server rebuild after editing one page",
    "",
    "Eleventy in the run mode of `npm start` (no port opened); one guide page gets a paragraph appended " +
      `${o.edits} time(s), then the same session is switched to \`--incremental\` and the page edited ` +
      `${o.edits} time(s) more. "Edit → written" is what an author waits for, including the watcher's 150 ms ` +
      `write-settling delay; "rebuild" is from eleventy.before until the rebuild settled. Pagefind is not in it: ` +
      `\`npm start\` re-indexes in the background once no rebuild has run for 2 s. Bare Eleventy (the baseline above) ` +
      `runs the same session on the same corpus and edits, in its own process: its \`--incremental\` row is what ` +
      `Eleventy's own rebuild costs at that size, the floor under ours.`,
    "",
    table(["pages/lang", "kind", "mode", "first build", "edit → written", "rebuild", "peak RSS"], watchRows(sizes)),
    "",
    "## `npm start` over HTTP: edit → served",
    "",
    "`npm start` itself (`node src/cli/run-compiled.mjs src/cli/serve.ts`, the default full rebuild) on the corpus, " +
      "with a port: from writing the file until a fetch of the page returns the new text (the browser's view; " +
      `polled every 5 ms). "Page": a paragraph appended to the edited page, ${o.edits} time(s); "title": its title ` +
      "changed, until the next page of its section shows the new title in its nav and prev link. Two untimed edits first " +
      "make sure the watcher covers the file; each edit is saved once the server is idle (the previous save's rebuilds " +
      "have printed their summary line, 0.5 s passed, and the server's CPU time stood still for 0.3 s: a rebuild queued " +
      "behind another prints nothing until it ends, and the background search re-index counts as busy), as an author " +
      "saves again after reading the page: a save during a rebuild waits for it (Eleventy runs one build at a time).",
    "",
    table(["pages/lang", "first page served", "page edit → served", "title edit → shown in a neighbour"], servedRows(sizes)),
    "",
    "## Seed page weight",
    "",
    `\`${seed.url}\` in the project's own build; gzip at Node's default level.`,
    "",
    table(["kind", "file", "bytes", "gzip"], [
      assetRow("HTML", seed.html),
      ...seed.css.map((a) => assetRow("CSS", a)),
      ...seed.js.map((a) => assetRow("JS", a)),
      ["CSS total", "", count(seed.css.reduce((t, a) => t + a.bytes, 0)), `${count(seed.cssGzipBytes)} (${kib(seed.cssGzipBytes)})`],
      ["JS total", "", count(seed.js.reduce((t, a) => t + a.bytes, 0)), `${count(seed.jsGzipBytes)} (${kib(seed.jsGzipBytes)})`],
    ]),
    "",
    "## Corpus sizes",
    "",
    table(["pages/lang", "files", "Markdown", "workflows", "workflow JSON", "Gyazo ids"], sizes.map((s) => [
      count(s.pagesPerLanguage), count(s.corpus.files), kib(s.corpus.markdownBytes), count(s.corpus.workflows),
      kib(s.corpus.workflowBytes), count(s.corpus.media),
    ])),
    "",
    FINDINGS_MARKER,
    findings.replace(/^\n+/, "\n"),
  ].join("\n").trimEnd() + "\n";
}

/** The findings part of an existing report ("" if there is none). */
export function keptFindings(previous: string): string {
  const at = previous.indexOf(FINDINGS_MARKER);
  return at < 0 ? "" : previous.slice(at + FINDINGS_MARKER.length);
}

/** Writes the report to `path`, keeping the findings of the report already there. */
export function writeReport(path: string, result: BenchResult): string {
  const text = renderReport(result, existsSync(path) ? keptFindings(readFileSync(path, "utf8")) : "");
  writeFileSync(path, text);
  return text;
}
