/**
 * The shape of a synthetic corpus: sections, pages, the workflow pool and the Gyazo ids,
 * all derived from one seed. Text is generated later, per file, from the same seed.
 */
import { createRandom, type Random } from "./random.ts";
import { heading, type CorpusLang } from "./corpus-text.ts";

/** What to generate. */
export interface CorpusOptions {
  pagesPerLanguage: number;
  seed?: number;
}

/** The corpus languages, the source language (ja) first. */
export const CORPUS_LANGS: readonly CorpusLang[] = ["ja", "en"];

/** One guide page, present in every language under the same (section, slug). */
export interface PlannedPage {
  index: number;
  section: string;
  slug: string;
  titles: Record<CorpusLang, string>;
  /** Paths under the corpus root (`workflows/…json`) this page links to. */
  workflows: string[];
}

/** A Gyazo screenshot or clip with the size media.json records for it. */
export interface PlannedMedia {
  id: string;
  width: number;
  height: number;
}

/** Everything the file generators need, derived from the options alone. */
export interface CorpusPlan {
  seed: number;
  pagesPerLanguage: number;
  sections: { id: string; labels: Record<CorpusLang, string>; pages: PlannedPage[] }[];
  pages: PlannedPage[];
  workflows: { path: string; minBytes: number }[];
  images: PlannedMedia[];
  clips: PlannedMedia[];
}

/** Real guides group 20–60 pages under a section; 40 keeps nav files and sidebars realistic. */
export const PAGES_PER_SECTION = 40;
const TOPICS = ["basic-workflows", "controlnet", "upscaling", "inpainting", "video", "flux", "sdxl", "lora-training",
  "custom-nodes", "audio"];
const SLUG_WORDS = ["sd15-lora", "textual-inversion", "hires-fix", "img2img", "depth-map", "tile", "ipadapter",
  "animatediff", "wan-video", "regional-prompt", "face-detailer", "model-merge"];

/** A stream of draws for one named part of the corpus, independent of generation order. */
export function randomFor(seed: number, key: string): Random {
  let hash = 0x811c9dc5 ^ seed; // FNV-1a over the key, salted with the seed
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return createRandom(hash >>> 0);
}

const media = (r: Random, count: number, sizes: readonly [number, number][]): PlannedMedia[] =>
  Array.from({ length: count }, () => {
    const [width, height] = r.pick(sizes);
    return { id: r.hex(32), width, height };
  });

/** Lays out sections, pages, workflows and media for `pagesPerLanguage` pages per language. */
export function planCorpus(options: CorpusOptions): CorpusPlan {
  const { pagesPerLanguage: n, seed = 1 } = options;
  if (!Number.isInteger(n) || n < 1) throw new Error(`pages per language must be a positive integer, got ${n}`);
  const r = randomFor(seed, "plan");
  const sectionCount = Math.ceil(n / PAGES_PER_SECTION);
  const sections: CorpusPlan["sections"] = Array.from({ length: sectionCount }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    const round = Math.floor(i / TOPICS.length);
    return { id: round === 0 ? topic : `${topic}-${round + 1}`, labels: { ja: heading(r, "ja"), en: heading(r, "en") }, pages: [] };
  });
  // A quarter of the pages own a workflow (as the seed owns SD1.5_lora.json); every page links one or two.
  const workflows: CorpusPlan["workflows"] = [];
  const pages: PlannedPage[] = [];
  for (let index = 0; index < n; index++) {
    const section = sections[Math.floor(index / PAGES_PER_SECTION)]!;
    const slug = `${r.pick(SLUG_WORDS)}-${String(index + 1).padStart(4, "0")}`;
    const page: PlannedPage = { index, section: section.id, slug, titles: { ja: heading(r, "ja"), en: heading(r, "en") }, workflows: [] };
    if (index % 4 === 0) {
      const path = `workflows/${section.id}/${slug}/${r.pick(["SD1.5", "SDXL", "Flux.1"])}_${slug.split("-")[0]}.json`;
      workflows.push({ path, minBytes: r.int(10, 30) * 1024 });
      page.workflows.push(path);
    }
    section.pages.push(page);
    pages.push(page);
  }
  for (const page of pages) {
    const other = r.pick(workflows).path;
    if (page.workflows.length === 0 || (r.chance(0.5) && !page.workflows.includes(other))) page.workflows.push(other);
  }
  return {
    seed, pagesPerLanguage: n, sections, pages, workflows,
    images: media(r, Math.max(8, n * 2), [[1280, 720], [1920, 1080], [1024, 1024], [2560, 1440], [800, 1200]]),
    clips: media(r, Math.max(4, Math.ceil(n / 4)), [[1280, 720], [960, 540], [640, 640]]),
  };
}

/** The URL of a guide page in one language, as its permalink renders. */
export function pageUrl(lang: CorpusLang, page: Pick<PlannedPage, "section" | "slug">): string {
  return `/${lang}/${page.section}/${page.slug}/`;
}

/** Every URL the corpus's Markdown produces: guide pages, section indexes, home and about. */
export function plannedUrls(plan: CorpusPlan): string[] {
  return CORPUS_LANGS.flatMap((lang) => [
    `/${lang}/`,
    `/${lang}/about/`,
    ...plan.sections.map((s) => `/${lang}/${s.id}/`),
    ...plan.pages.map((p) => pageUrl(lang, p)),
  ]);
}
