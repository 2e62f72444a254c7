/**
 * How `npm start` rebuilds after a save. Eleventy's full rebuild rewrites every page (≈3 s
 * at 500 pages/lang); its incremental rebuild writes only the saved page, so pages that
 * show something of it (nav, prev/next, section index, tag pages, placeholders, the dev
 * banner's findings) would go stale. So a save of content pages alone is rebuilt
 * incrementally first — the page the author is looking at comes back fast — and then,
 * only when what other pages can read of the site changed, the whole site follows.
 * Pure logic; src/cli/serve.ts binds it to Eleventy's watch events.
 */
import { createHash } from "node:crypto";
import nunjucks from "nunjucks";
import { relative, resolve, sep } from "node:path";
import type { SiteModel } from "../check/site-model.ts";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.ts";
import type { TocEntry } from "../markdown/heading-anchors.ts";
import { firstParagraphText } from "../site/description.ts";

/**
 * Whether every changed file is a content page (Markdown under `content/`, not in `_data/`):
 * only then may the rebuild start with the saved pages alone. Layouts, nav and data files,
 * workflows and images feed many pages, and always rebuild the site.
 */
export function onlyContentPages(changed: readonly string[], contentDir: string, cwd = process.cwd()): boolean {
  return changed.length > 0 && changed.every((file) => {
    const inside = relative(contentDir, resolve(cwd, file));
    return !inside.startsWith("..") && inside.endsWith(".md") && inside.split(sep)[0] !== "_data";
  });
}

/** The front matter block of a page's text ("" without one): what other pages read of it. */
export function frontMatterOf(text: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  return match?.[1] ?? "";
}

/**
 * The front matter of each content page as Eleventy last took it in: at the initial build,
 * then at each build whose queue held that page. A save that leaves it as it was changed
 * only that page's body; a new or deleted page, or new front matter (a title, a summary,
 * tags), shows on other pages, so the whole site is rebuilt at once instead of after it.
 *
 * Why not the check's latest model: the check reads every file from disk at each build,
 * while Eleventy re-reads a file only once its watcher reported the save. A save that
 * lands while another page is being rebuilt is in the model at once but, until its own
 * event, not in what Eleventy renders; judged against the model, that event's build looked
 * body-only and the other pages kept the old title for good.
 */
export class FrontMatterLedger {
  readonly #taken = new Map<string, string>();

  /** Takes in every page of the initial build's model (`root` resolves its files). */
  seed(model: SiteModel, root: string): void {
    for (const page of model.pages) this.#taken.set(resolve(root, page.file), frontMatterOf(page.bytes.toString("utf8")));
  }

  get seeded(): boolean {
    return this.#taken.size > 0;
  }

  /** Whether `now` (the file's text; undefined when deleted) differs from what Eleventy has of `file` in its body only. */
  bodyOnly(file: string, now: string | undefined): boolean {
    const before = this.#taken.get(file);
    return before !== undefined && now !== undefined && before === frontMatterOf(now);
  }

  /** The front matter of `file` as Eleventy last took it in. */
  taken(file: string): string | undefined {
    return this.#taken.get(file);
  }

  /** Eleventy takes `file` in at this build. */
  record(file: string, now: string | undefined): void {
    if (now === undefined) this.#taken.delete(file);
    else this.#taken.set(file, frontMatterOf(now));
  }
}

/**
 * A stamp of everything one page can show of others: each page's place, URL, front matter
 * (title, summary, tags, hero, dates …) and heading ids; the whole body of a page some
 * language lacks (its placeholder shows that body); and every finding, which each page's
 * dev banner counts. Equal stamps before and after a save mean only the saved page's own
 * output changed.
 */
export function outwardStamp(model: SiteModel, diagnostics: readonly Diagnostic[]): string {
  const hash = createHash("sha256");
  const keysByLang = new Map<string, Set<string>>();
  for (const page of model.pages) {
    if (page.lang && page.key) (keysByLang.get(page.lang) ?? keysByLang.set(page.lang, new Set()).get(page.lang)!).add(page.key);
  }
  const translatedEverywhere = (key: string) => model.languages.every((lang) => keysByLang.get(lang)?.has(key));
  for (const page of model.pages) {
    hash.update(JSON.stringify([page.file, page.url ?? null, page.identity ?? null, page.data, [...page.ids].sort()]));
    if (!page.key || !translatedEverywhere(page.key)) hash.update(page.bytes);
    hash.update("\0");
  }
  for (const d of diagnostics) hash.update(formatDiagnostic(d) + "\n");
  return hash.digest("hex");
}

/** What a page's layout shows of its body: the render's HTML and TOC, and the Markdown (its description). */
export interface BodyView {
  html: string;
  toc: readonly TocEntry[];
  markdown: string;
}

/**
 * The saved page's new HTML without a rebuild, for a save that changed its body only and
 * nothing another page shows (outwardStamp): the page as Eleventy last wrote it, with the
 * previous render of the body swapped for the new one. Undefined whenever something else
 * the layout shows of the body may differ: its TOC, its first paragraph (the description
 * of a page without a summary), or when the previous render is not in the page exactly
 * once (a transform changed it). Eleventy's rebuild follows and writes the page itself;
 * src/cli/dev-rebuilds.ts checks that it wrote these very bytes.
 */
export function patchedPage(page: string, before: BodyView, after: BodyView): string | undefined {
  if (JSON.stringify(before.toc) !== JSON.stringify(after.toc)) return undefined;
  if (firstParagraphText(before.markdown) !== firstParagraphText(after.markdown)) return undefined;
  const at = before.html === "" ? -1 : page.indexOf(before.html);
  if (at < 0 || page.indexOf(before.html, at + 1) >= 0) return undefined;
  return page.slice(0, at) + after.html + page.slice(at + before.html.length);
}

/** Nunjucks' autoescape, which the layouts print text with (its types leave `lib.escape` out). */
const escapeAsLayouts = (nunjucks.lib as unknown as { escape(text: string): string }).escape;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A title as the layouts print it: the old one as a pattern,
 * the new one as a replacement (a `$` in it stays a `$`).
 */
function printedTitles(before: string, after: string): { from: string; to: string } {
  return { from: escapeRegExp(escapeAsLayouts(before)), to: escapeAsLayouts(after).replace(/\$/g, "$$$$") };
}

/** The attribute a link to `url` has in the layouts' HTML: a page without it links no such page. */
export const hrefAttribute = (url: string): string => `href="${escapeAsLayouts(url)}"`;

/**
 * Another page's HTML with the links to `url` showing `after` where they showed `before`
 * (the saved page's old and new title): each text of a link to that URL that is the title
 * alone, as the nav, prev/next, section indexes and tag pages print it. Undefined when no
 * link changed. A link labelled otherwise (a nav label of its own) is left as it is.
 */
export function retitledLinks(page: string, url: string, before: string, after: string): string | undefined {
  const href = hrefAttribute(url);
  if (!page.includes(href) || before === after) return undefined;
  const link = new RegExp(`(<a\\s[^>]*${escapeRegExp(href)}[^>]*>)([\\s\\S]*?)(</a>)`, "g");
  const { from, to } = printedTitles(before, after);
  const title = new RegExp(`>(\\s*)${from}(\\s*)<`, "g");
  const replacement = `>$1${to}$2<`;
  let changed = false;
  const result = page.replace(link, (whole, open: string, inner: string, close: string) => {
    // The link's own text starts after its opening tag: `>` + inner + `<` covers a bare label too.
    const retitled = `>${inner}<`.replace(title, replacement);
    if (retitled === `>${inner}<`) return whole;
    changed = true;
    return open + retitled.slice(1, -1) + close;
  });
  return changed ? result : undefined;
}

/**
 * The retitled page's own HTML with its new title where the layouts print it: every text
 * that is the title alone (its heading, its trail, its entry in the nav), the window title
 * (`Title | Site`) and meta values (Open Graph, Twitter). A stop-gap shown until the
 * rebuild writes the page (text in the article that happens to be the title changes too,
 * for that moment); undefined when nothing changed.
 */
export function retitledPage(page: string, before: string, after: string): string | undefined {
  if (before === after) return undefined;
  const { from, to } = printedTitles(before, after);
  const result = page
    .replace(new RegExp(`>(\\s*)${from}(\\s*)<`, "g"), `>$1${to}$2<`)
    .replace(new RegExp(`(<title>)${from}( \\| |</title>)`), `$1${to}$2`)
    .replace(new RegExp(`(<meta\\s[^>]*content=")${from}(")`, "g"), `$1${to}$2`);
  return result === page ? undefined : result;
}

/**
 * The saved page's title before and after a save that changed only its title (the same
 * body and every other front matter value); undefined for any other save. `before` and
 * `now` are the page's text as Eleventy last took it in and as saved.
 */
export function titleChange(before: { data: Record<string, unknown>; body: string }, now: { data: Record<string, unknown>; body: string }): { before: string; after: string } | undefined {
  const { title: oldTitle, ...oldRest } = before.data;
  const { title: newTitle, ...newRest } = now.data;
  if (typeof oldTitle !== "string" || typeof newTitle !== "string" || oldTitle === newTitle || oldTitle.trim() === "" || newTitle.trim() === "") return undefined;
  if (before.body !== now.body || JSON.stringify(oldRest) !== JSON.stringify(newRest)) return undefined;
  return { before: oldTitle, after: newTitle };
}
