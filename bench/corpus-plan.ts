/**
 * The shape of a synthetic corpus: sections, pages, the workflow pool, the Gyazo ids and
 * the nav's coming-soon entries, all derived from one seed. Text is generated later, per
 * file, from the same seed. The shape follows a real ComfyUI guide (REAL_GUIDE).
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

/**
 * The guide the corpus is shaped after (171 pages in ja/en, 134 workflows, ~660 Gyazo
 * media), per language and per page. At other sizes sections, workflows and media scale
 * with the page count.
 */
export const REAL_GUIDE = {
  pagesPerLanguage: 85,
  sections: 5,
  workflows: 134,
  workflowKb: { min: 5, max: 60 },
  perPage: { media: 4, workflowLinks: 1.5, mediaRows: 0.15, headings: [5, 9], codeFences: [1, 2] },
  /** Shares of the media kinds; the rest are players. */
  mediaShares: { image: 0.7, loop: 0.25 },
} as const;

/**
 * Whether the nav lists its coming-soon entries (nav ids with no page, which the site
 * builds as coming-soon pages). Off, the corpus has only written pages.
 */
export const COMING_SOON_IN_NAV = true;

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

/** A workflow file to generate: its path, its least size, and whether it holds a subgraph. */
export interface PlannedWorkflow {
  path: string;
  minBytes: number;
  subgraph: boolean;
}

/** A section of the guide and its nav entries. */
export interface PlannedSection {
  id: string;
  labels: Record<CorpusLang, string>;
  pages: PlannedPage[];
  /** Nav entries announced before their page exists. */
  comingSoon: { id: string; labels: Record<CorpusLang, string> }[];
}

/** Everything the file generators need, derived from the options alone. */
export interface CorpusPlan {
  seed: number;
  pagesPerLanguage: number;
  sections: PlannedSection[];
  pages: PlannedPage[];
  workflows: PlannedWorkflow[];
  images: PlannedMedia[];
  clips: PlannedMedia[];
}

/** Pages per section once a corpus outgrows the real guide's five sections. */
export const PAGES_PER_SECTION = 20;
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

/** How many sections `n` pages per language fill: the real guide's five, more past 100 pages, none empty. */
export function sectionCount(n: number): number {
  return Math.min(n, Math.max(REAL_GUIDE.sections, Math.ceil(n / PAGES_PER_SECTION)));
}

/** The most one pipeline adds to a workflow; generation stops past the planned size. */
const PIPELINE_KB = 6;

/** Workflow sizes skew small, as exports do: most are a few pipelines, a few are large. */
function workflowBytes(r: Random): number {
  const { min, max } = REAL_GUIDE.workflowKb;
  return Math.round((min + (max - PIPELINE_KB - min) * r.next() ** 2) * 1024);
}

/** Lays out sections, pages, workflows and media for `pagesPerLanguage` pages per language. */
export function planCorpus(options: CorpusOptions): CorpusPlan {
  const { pagesPerLanguage: n, seed = 1 } = options;
  if (!Number.isInteger(n) || n < 1) throw new Error(`pages per language must be a positive integer, got ${n}`);
  const r = randomFor(seed, "plan");
  const count = sectionCount(n);
  const sections: PlannedSection[] = Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    const round = Math.floor(i / TOPICS.length);
    const id = round === 0 ? topic : `${topic}-${round + 1}`;
    return { id, labels: { ja: heading(r, "ja"), en: heading(r, "en") }, pages: [],
      comingSoon: [{ id: `${id}-coming-soon`, labels: { ja: heading(r, "ja"), en: heading(r, "en") } }] };
  });
  const pages: PlannedPage[] = [];
  for (let index = 0; index < n; index++) {
    const section = sections[Math.floor((index * count) / n)]!;
    const slug = `${r.pick(SLUG_WORDS)}-${String(index + 1).padStart(4, "0")}`;
    const page: PlannedPage = { index, section: section.id, slug, titles: { ja: heading(r, "ja"), en: heading(r, "en") }, workflows: [] };
    section.pages.push(page);
    pages.push(page);
  }
  // The real ratio of workflows to pages; each page owns the next one or two (1.5 links on
  // average), and pages past the end of the pool link one already owned.
  const workflows: PlannedWorkflow[] = [];
  const total = Math.max(1, Math.round((n * REAL_GUIDE.workflows) / REAL_GUIDE.pagesPerLanguage));
  for (const page of pages) {
    for (let k = r.chance(REAL_GUIDE.perPage.workflowLinks - 1) ? 2 : 1; k > 0; k--) {
      if (workflows.length < total) {
        const path = `workflows/${page.section}/${page.slug}/${r.pick(["SD1.5", "SDXL", "Flux.1"])}_${workflows.length + 1}.json`;
        workflows.push({ path, minBytes: workflowBytes(r), subgraph: workflows.length === 0 });
        page.workflows.push(path);
      } else {
        const other = r.pick(workflows).path;
        if (!page.workflows.includes(other)) page.workflows.push(other);
      }
    }
  }
  // The rest of the pool goes to random pages, so every file is linked and drawn.
  while (workflows.length < total) {
    const page = r.pick(pages);
    const path = `workflows/${page.section}/${page.slug}/extra_${workflows.length + 1}.json`;
    workflows.push({ path, minBytes: workflowBytes(r), subgraph: false });
    page.workflows.push(path);
  }
  const { image } = REAL_GUIDE.mediaShares;
  const perPage = REAL_GUIDE.perPage.media;
  return {
    seed, pagesPerLanguage: n, sections, pages, workflows,
    images: media(r, Math.max(8, Math.ceil(n * perPage * image)), [[1280, 720], [1920, 1080], [1024, 1024], [2560, 1440], [800, 1200]]),
    clips: media(r, Math.max(4, Math.ceil(n * perPage * (1 - image))), [[1280, 720], [960, 540], [640, 640]]),
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
