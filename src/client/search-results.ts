/** Turns Pagefind result data into what the search dialog shows, free of the DOM. */
import { buildExcerpt } from "./search-excerpt.ts";

/** The part of Pagefind's `result.data()` the dialog uses. */
export interface PagefindData {
  url: string;
  excerpt: string;
  /** The page's whole indexed text, which the dialog cuts its own excerpt from. */
  content?: string;
  meta: { title?: string };
  sub_results?: ReadonlyArray<{ url: string; title: string; excerpt: string }>;
}

/** A run of excerpt text, marked when it matched the query. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** One page in the results: its link, title and excerpt, and a few matching sections. */
export interface SearchHit {
  url: string;
  title: string;
  excerpt: Segment[];
  sections: Array<{ url: string; title: string }>;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&" };

/**
 * Splits Pagefind's excerpt (text with `<mark>` around matches, `<` and `>` escaped) into
 * plain-text runs, so it can be shown with textContent and never parsed as HTML.
 */
export function excerptSegments(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) mark = true;
    else if (/^<\/mark>$/i.test(part)) mark = false;
    else if (part) {
      const text = part.replace(/<[^>]*>/g, "").replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, name: string) => ENTITIES[name]!);
      const last = segments[segments.length - 1];
      // Pagefind marks each segmented word, so ドット絵 arrives as two adjacent marks.
      if (last && last.mark === mark) last.text += text;
      else segments.push({ text, mark });
    }
  }
  return segments;
}

/**
 * The excerpt to show: cut from the page's text around the query (search-excerpt.ts), else
 * around the words Pagefind matched (a stemmed "triggers" marks "trigger"), else Pagefind's own.
 */
function excerptOf(data: PagefindData, query: string, lang: string): Segment[] {
  const pagefind = excerptSegments(data.excerpt);
  if (!data.content) return pagefind;
  const matched = [...new Set(pagefind.filter((s) => s.mark).map((s) => s.text.trim()))].join(" ");
  return buildExcerpt(data.content, query, lang) ?? buildExcerpt(data.content, matched, lang) ?? pagefind;
}

/** A page's hit for `query` in `lang`: sections are headings inside it that matched, other than the page itself. */
export function toHit(data: PagefindData, query = "", lang = "en", maxSections = 3): SearchHit {
  const title = data.meta.title?.trim() || data.url;
  const sections = (data.sub_results ?? [])
    .filter((sub) => sub.url !== data.url && sub.title.trim() !== "")
    .slice(0, maxSections)
    .map((sub) => ({ url: sub.url, title: sub.title.trim() }));
  return { url: data.url, title, excerpt: excerptOf(data, query, lang), sections };
}
