/** Writes a synthetic bilingual corpus the site's validation accepts, as a project root. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateWorkflow } from "./corpus-workflow.ts";
import { COMING_SOON_IN_NAV, CORPUS_LANGS, planCorpus, randomFor, type CorpusOptions, type CorpusPlan } from "./corpus-plan.ts";
import { aboutPage, guidePage, homePage, sectionIndexPage, type TranslationStamp } from "./corpus-page.ts";
import type { CorpusLang } from "./corpus-text.ts";
import { sourceHash } from "../src/check/translation-hash.ts";
import { parseSource } from "../src/content/source.ts";
import { MEDIA_METADATA_FILE, serializeMediaMetadata, type MediaMetadata } from "../src/media/media-metadata.ts";

/** The language pages are written in first; the others are its translations. */
const SOURCE_LANG: CorpusLang = "ja";

/** One file of the corpus, relative to its root. */
export interface CorpusFile {
  path: string;
  text: string;
}

/**
 * `content/_data/nav/<lang>.json`: every section, its pages, the second half in a group,
 * and (with `comingSoon`) an entry for a page not written yet, with its label.
 */
export function navFile(plan: CorpusPlan, lang: CorpusLang, options = { comingSoon: COMING_SOON_IN_NAV }): string {
  const sections = plan.sections.map((s) => {
    const items: object[] = s.pages.map((p) => ({ id: p.slug }));
    const split = Math.ceil(items.length / 2);
    const grouped = items.length > 1 ? [...items.slice(0, split), { group: s.labels[lang], items: items.slice(split) }] : items;
    const soon = options.comingSoon ? s.comingSoon.map((c) => ({ id: c.id, label: c.labels[lang] })) : [];
    return { id: s.id, label: s.labels[lang], items: [...grouped, ...soon] };
  });
  return JSON.stringify({ sections }, null, 2) + "\n";
}

/** `content/_data/media.json`: the size of every Gyazo id, so no embed needs the network. */
export function mediaFile(plan: CorpusPlan): string {
  const data: MediaMetadata = {};
  for (const m of plan.images) data[m.id] = { width: m.width, height: m.height, type: "image", ext: "png" };
  for (const m of plan.clips) data[m.id] = { width: m.width, height: m.height, type: "video" };
  return serializeMediaMetadata(data);
}

/** Path of a guide page's Markdown, relative to the corpus root. */
export function guidePagePath(lang: CorpusLang, page: { section: string; slug: string }): string {
  return `content/${lang}/${page.section}/${page.slug}.md`;
}

/** The Markdown files of one page in both languages; en is a stamped translation of ja. */
function* translatedPair(path: (lang: CorpusLang) => string, render: (lang: CorpusLang, stamp?: TranslationStamp) => string) {
  const source = render(SOURCE_LANG);
  const { data, body } = parseSource(path(SOURCE_LANG), source);
  yield { path: path(SOURCE_LANG), text: source };
  for (const lang of CORPUS_LANGS.filter((l) => l !== SOURCE_LANG)) {
    yield { path: path(lang), text: render(lang, { lang: SOURCE_LANG, hash: sourceHash(data, body) }) };
  }
}

/** Every file of the corpus, generated lazily (5,000 pages per language is tens of MB). */
export function* corpusFiles(plan: CorpusPlan): Generator<CorpusFile> {
  for (const w of plan.workflows) {
    yield { path: w.path, text: generateWorkflow(randomFor(plan.seed, w.path), w.minBytes, { subgraph: w.subgraph }) };
  }
  yield { path: MEDIA_METADATA_FILE, text: mediaFile(plan) };
  for (const lang of CORPUS_LANGS) yield { path: `content/_data/nav/${lang}.json`, text: navFile(plan, lang) };
  yield* translatedPair((lang) => `content/${lang}/index.md`, (lang, stamp) => homePage(plan, lang, stamp));
  yield* translatedPair((lang) => `content/${lang}/about.md`, (lang, stamp) => aboutPage(plan, lang, stamp));
  for (const s of plan.sections) {
    yield* translatedPair((lang) => `content/${lang}/${s.id}/index.md`, (lang, stamp) => sectionIndexPage(plan, s.id, lang, stamp));
  }
  for (const p of plan.pages) {
    yield* translatedPair((lang) => guidePagePath(lang, p), (lang, stamp) => guidePage(plan, p, lang, stamp));
  }
}

/** What was written, for the report. */
export interface CorpusSummary {
  plan: CorpusPlan;
  files: number;
  markdownBytes: number;
  workflowBytes: number;
}

/** Plans and writes a corpus under `root` (which should be empty). */
export function writeCorpus(root: string, options: CorpusOptions): CorpusSummary {
  const plan = planCorpus(options);
  const summary: CorpusSummary = { plan, files: 0, markdownBytes: 0, workflowBytes: 0 };
  for (const file of corpusFiles(plan)) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    summary.files++;
    const bytes = Buffer.byteLength(file.text);
    if (file.path.endsWith(".md")) summary.markdownBytes += bytes;
    else if (file.path.startsWith("workflows/")) summary.workflowBytes += bytes;
  }
  return summary;
}
