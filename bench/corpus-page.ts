/** The Markdown of each synthetic page, in the seed page's idioms (front matter, Gyazo, workflows). */
import { codeFence, heading, paragraph, sentence, type CorpusLang } from "./corpus-text.ts";
import { pageUrl, randomFor, REAL_GUIDE, type CorpusPlan, type PlannedPage } from "./corpus-plan.ts";
import type { Random } from "./random.ts";

/** Every guide page has this heading id, so internal links with a fragment always resolve. */
export const OVERVIEW_ID = "overview";

/**
 * A translation's stamp: the hash of its source page (src/check/translation-hash.ts), so
 * the check sees an up-to-date translation rather than an unstamped one.
 */
export type TranslationStamp = { lang: CorpusLang; hash: string } | undefined;

const frontMatter = (fields: Record<string, string>, stamp: TranslationStamp, extra = "") =>
  "---\n" + Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n") + "\n" + extra +
  (stamp ? `translationOf:\n  lang: ${stamp.lang}\n  hash: "${stamp.hash}"\n` : "") + "---\n\n";

const quoted = (text: string) => JSON.stringify(text);

/** A paragraph with an internal link to another page (sometimes to its overview heading). */
function linkedParagraph(r: Random, plan: CorpusPlan, lang: CorpusLang): string {
  const target = r.pick(plan.pages);
  const href = pageUrl(lang, target) + (r.chance(0.4) ? `#${OVERVIEW_ID}` : "");
  return `${sentence(r, lang)} [${target.titles[lang]}](${href}) ${paragraph(r, lang, 2)}`;
}

type MediaKind = "image" | "loop" | "player";
const gyazo = (alt: string, id: string, kind: MediaKind) => `![${alt}](https://gyazo.com/${id}){gyazo=${kind}}`;

/** A list like the seed's: nested items with inline code and bold text. */
function list(r: Random, lang: CorpusLang): string {
  return Array.from({ length: r.int(2, 4) }, () => {
    const item = `- \`${r.pick(["Load LoRA", "KSampler", "strength_model", "cfg", "denoise"])}\` ${sentence(r, lang)}`;
    return r.chance(0.5) ? `${item}\n  - **${heading(r, lang)}** ${sentence(r, lang)}` : item;
  }).join("\n");
}

/** One Gyazo embed, of a kind drawn at the real guide's shares (70% images, 25% loops, the rest players). */
function mediaEmbed(r: Random, plan: CorpusPlan, lang: CorpusLang): { id: string; kind: MediaKind; markdown: string } {
  const draw = r.next();
  const { image, loop } = REAL_GUIDE.mediaShares;
  const kind: MediaKind = draw < image ? "image" : draw < image + loop ? "loop" : "player";
  const id = r.pick(kind === "image" ? plan.images : plan.clips).id;
  return { id, kind, markdown: gyazo(heading(r, lang), id, kind) };
}

/** A media-beside-text block, written with commas so bare Eleventy's Nunjucks reads it too. */
function mediaRow(r: Random, lang: CorpusLang, id: string, kind: MediaKind): string {
  const args = `img="https://gyazo.com/${id} {gyazo=${kind}}", alt="${heading(r, lang)}", align="${r.pick(["left", "right"])}", width="${r.pick([33, 40, 50])}"`;
  return `{% mediaRow ${args} %}\n${paragraph(r, lang, 2)}\n\n${list(r, lang)}\n{% endmediaRow %}`;
}

/**
 * The blocks of one page at the real guide's averages (about 4 media, 0.15 mediaRow
 * blocks, 1–2 code fences, its workflow links), each placed under a random heading.
 */
function pageBlocks(r: Random, plan: CorpusPlan, page: PlannedPage, lang: CorpusLang): string[] {
  const blocks: string[] = page.workflows.map((w) => `[](/${w})`);
  const media = Array.from({ length: r.int(2, 2 * REAL_GUIDE.perPage.media - 2) }, () => mediaEmbed(r, plan, lang));
  if (media.length > 0 && r.chance(REAL_GUIDE.perPage.mediaRows)) {
    const row = media.pop()!;
    blocks.push(mediaRow(r, lang, row.id, row.kind));
  }
  blocks.push(...media.map((m) => m.markdown));
  const [minFences, maxFences] = REAL_GUIDE.perPage.codeFences;
  for (let i = r.int(minFences, maxFences); i > 0; i--) blocks.push(codeFence(r));
  return blocks;
}

/** The page's outline, h3s per h2: 5–9 headings in all, two to four of them h2s. */
function headingLevels(r: Random): number[] {
  const [min, max] = REAL_GUIDE.perPage.headings;
  const total = r.int(min, max);
  const h2 = r.int(2, 4);
  // h3s per h2: the remaining headings split as evenly as they go.
  return Array.from({ length: h2 }, (_, i) => Math.floor((total - h2 + i) / h2));
}

/** The body: h2 sections split by rules, h3 subsections, prose, and the blocks spread under the headings. */
function pageBody(r: Random, plan: CorpusPlan, page: PlannedPage, lang: CorpusLang): string {
  const outline = headingLevels(r);
  const units = outline.reduce((n, h3s) => n + 1 + h3s, 0);
  const placed: string[][] = Array.from({ length: units }, () => []);
  for (const block of pageBlocks(r, plan, page, lang)) placed[r.int(0, units - 1)]!.push(block);
  let unit = 0;
  const sections = outline.map((h3s, i) => {
    const parts = [`## ${heading(r, lang)}${i === 0 ? ` {#${OVERVIEW_ID}}` : ""}`, linkedParagraph(r, plan, lang), ...placed[unit++]!];
    for (let h3 = 0; h3 < h3s; h3++) {
      parts.push(`### ${heading(r, lang)}`, paragraph(r, lang), ...placed[unit++]!);
      if (r.chance(0.4)) parts.push(list(r, lang));
    }
    parts.push(paragraph(r, lang));
    return parts.join("\n\n");
  });
  return sections.join("\n\n---\n\n");
}

/** A guide page, `content/<lang>/<section>/<slug>.md`, with front matter like the seed's. */
export function guidePage(plan: CorpusPlan, page: PlannedPage, lang: CorpusLang, stamp?: TranslationStamp): string {
  const r = randomFor(plan.seed, `page:${lang}:${page.index}`);
  const head = frontMatter(
    {
      layout: "page.njk", lang, slug: page.slug, navId: page.slug, title: quoted(page.titles[lang]),
      summary: quoted(sentence(r, lang)), permalink: quoted(`/{{ lang }}/${page.section}/{{ slug }}/`),
    },
    stamp,
    'hero:\n  image: ""\n',
  );
  return head + pageBody(r, plan, page, lang) + "\n";
}

/** A section's index page, `content/<lang>/<section>/index.md`. */
export function sectionIndexPage(plan: CorpusPlan, sectionId: string, lang: CorpusLang, stamp?: TranslationStamp): string {
  const s = plan.sections.find((x) => x.id === sectionId)!;
  const r = randomFor(plan.seed, `section:${lang}:${sectionId}`);
  return frontMatter({
    layout: "section.njk", lang, section: sectionId, title: quoted(s.labels[lang]),
    summary: quoted(sentence(r, lang)), permalink: quoted(`/${lang}/${sectionId}/`),
  }, stamp) + paragraph(r, lang) + "\n";
}

/** The home page, `content/<lang>/index.md`. */
export function homePage(plan: CorpusPlan, lang: CorpusLang, stamp?: TranslationStamp): string {
  const r = randomFor(plan.seed, `home:${lang}`);
  return frontMatter({
    layout: "home.njk", lang, title: quoted(heading(r, lang)), summary: quoted(sentence(r, lang)), permalink: quoted(`/${lang}/`),
  }, stamp) + paragraph(r, lang) + "\n";
}

/** The about page, `content/<lang>/about.md`. */
export function aboutPage(plan: CorpusPlan, lang: CorpusLang, stamp?: TranslationStamp): string {
  const r = randomFor(plan.seed, `about:${lang}`);
  return frontMatter({
    layout: "page.njk", lang, slug: "about", title: quoted(heading(r, lang)), summary: quoted(sentence(r, lang)),
    permalink: quoted(`/${lang}/about/`),
  }, stamp) + `## ${heading(r, lang)}\n\n${paragraph(r, lang)}\n\n${linkedParagraph(r, plan, lang)}\n`;
}
