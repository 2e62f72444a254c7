/** BENCHMARKS.md: the tables of one run, its machine, date and command; findings kept across runs. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { formatSummary, pairedRatios, summarize } from "./stats.ts";
import { checkTargets, marginalMs, perPageMs } from "./targets.ts";
import type { BenchResult, SizeResult, WatchRun } from "./run-bench.ts";
import type { AssetWeight } from "./page-weight.ts";

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

function buildRows(sizes: SizeResult[]): string[][] {
  return sizes.map((s, i) => [
    count(s.pagesPerLanguage),
    `${count(s.ours.at(-1)?.pagesBuilt ?? 0)} / ${count(s.expectedPages)}`,
    spread(s.ours.map((r) => r.ms), s2, " s"),
    spread(s.bare.map((r) => r.ms), s2, " s"),
    spread(pairedRatios(s.ours.map((r) => r.ms), s.bare.map((r) => r.ms)), (v) => v.toFixed(2), "×"),
    `${perPageMs(s, "ours").toFixed(2)} ms`,
    `${perPageMs(s, "bare").toFixed(2)} ms`,
    i === 0 ? "—" : `${marginalMs(sizes[i - 1]!, s, "ours").toFixed(2)} / ${marginalMs(sizes[i - 1]!, s, "bare").toFixed(2)} ms`,
    spread(s.ours.map((r) => r.peakRssKb), mib0, " MiB"),
    spread(s.bare.map((r) => r.peakRssKb), mib0, " MiB"),
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
  const checks = checkTargets(result);
  const verdict = (met: boolean | null) => (met === null ? "not measured" : met ? "met" : "**missed**");
  return [
    "# Benchmarks",
    "",
    `Written by \`${o.command}\` from an actual run; rerun it to refresh every number. ` +
      `Repetitions: ${o.reps}, interleaved ours/bare, each build in a fresh Node process; ` +
      `cells are median (min–max). KB = 1,024 bytes.`,
    "",
    `- Date: ${result.startedAt} (took ${minutes.toFixed(1)} min)`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}`,
    `- Software: Node ${m.node}, Eleventy ${m.eleventy}, Pagefind ${m.pagefind}`,
    `- Corpus: synthetic (seed ${o.seed}), per language N guide pages in sections of 40, plus home, about and ` +
      `section pages; a quarter of the pages own a 10–40 KB workflow JSON, every page links one or two; ` +
      `Gyazo images and clips, code fences, internal links.`,
    "",
    "## Targets",
    "",
    table(["target", "measured", "verdict"], checks.map((c) => [c.target, c.measured, verdict(c.met)])),
    "",
    "## Full build: ours against bare Eleventy",
    "",
    "Ours is the production build (`configureSite` from eleventy.config.ts) without the search index. Bare is " +
      "Eleventy with its stock markdown-it, a one-line layout and the same permalinks (bench/bare-site.ts). " +
      "Time is measured inside the child process, from importing the config to the last file written. " +
      "Per page is the median time over every page built; marginal is the extra time per extra page since the " +
      "previous size, free of start-up cost.",
    "",
    table(["pages/lang", "pages built", "ours", "bare", "overhead", "ours/page", "bare/page", "marginal/page (ours / bare)",
      "ours peak RSS", "bare peak RSS"], buildRows(sizes)),
    "",
    "## Pagefind indexing alone",
    "",
    "The site's own indexing step (src/build/search-index.ts) over the build above: the pages marked " +
      "`data-pagefind-body`, in a fresh process.",
    "",
    table(["pages/lang", "pages indexed", "time", "per page", "peak RSS"], sizes.map((s) => [
      count(s.pagesPerLanguage), count(s.pagefind.at(-1)?.pages ?? 0), spread(s.pagefind.map((r) => r.ms), s2, " s"),
      `${(summarize(s.pagefind.map((r) => r.ms)).median / s.expectedPages).toFixed(2)} ms`, spread(s.pagefind.map((r) => r.peakRssKb), mib0, " MiB"),
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
    table(["pages/lang", "files", "Markdown", "workflow JSON"], sizes.map((s) => [
      count(s.pagesPerLanguage), count(s.corpus.files), kib(s.corpus.markdownBytes), kib(s.corpus.workflowBytes),
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
