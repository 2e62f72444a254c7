/** The Markdown of each synthetic page, in the seed page's idioms (front matter, Gyazo, workflows). */
import { codeFence, heading, paragraph, sentence, type CorpusLang } from "./corpus-text.ts";
import { pageUrl, randomFor, type CorpusPlan, type PlannedPage } from "./corpus-plan.ts";
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

const gyazo = (alt: string, id: string, kind: "image" | "loop" | "player") => `![${alt}](https://gyazo.com/${id}){gyazo=${kind}}`;

/** A list like the seed's: nested items with inline code and bold text. */
function list(r: Random, lang: CorpusLang): string {
  return Array.from({ length: r.int(2, 4) }, () => {
    const item = `- \`${r.pick(["Load LoRA", "KSampler", "strength_model", "cfg", "denoise"])}\` ${sentence(r, lang)}`;
    return r.chance(0.5) ? `${item}\n  - **${heading(r, lang)}** ${sentence(r, lang)}` : item;
  }).join("\n");
}

/** One h2 section: prose, h3 subsections, screenshots, clips, code and workflow blocks. */
function section(r: Random, plan: CorpusPlan, page: PlannedPage, lang: CorpusLang, first: boolean, workflows: string[]): string {
  const parts = [`## ${heading(r, lang)}${first ? ` {#${OVERVIEW_ID}}` : ""}`, linkedParagraph(r, plan, lang)];
  for (let i = r.int(1, 2); i > 0; i--) {
    parts.push(`### ${heading(r, lang)}`, paragraph(r, lang));
    if (r.chance(0.8)) parts.push(gyazo(heading(r, lang), r.pick(plan.images).id, "image"));
    const workflow = workflows.shift();
    if (workflow) parts.push(`[](/${workflow})`);
    if (r.chance(0.5)) parts.push(list(r, lang));
    if (r.chance(0.35)) parts.push(codeFence(r));
    if (r.chance(0.25)) parts.push(gyazo(heading(r, lang), r.pick(plan.clips).id, r.chance(0.7) ? "loop" : "player"));
    parts.push(paragraph(r, lang));
  }
  return parts.join("\n\n");
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
  const workflows = [...page.workflows];
  const sections = Array.from({ length: r.int(3, 5) }, (_, i) => section(r, plan, page, lang, i === 0, workflows));
  // Any workflow not placed yet gets its own closing section, so each planned link appears.
  if (workflows.length > 0) sections.push(`## ${heading(r, lang)}\n\n` + workflows.map((w) => `[](/${w})`).join("\n\n"));
  return head + sections.join("\n\n---\n\n") + "\n";
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
