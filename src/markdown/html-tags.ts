/** Start tags in an author's raw HTML, for the rules that look at `<a href>`, `<img>` and `id`. */
import { scanHtml } from "./html-syntax.ts";

/** One start tag: lower-case name, attributes (decoded; valueless ones map to ""), and its source text. */
export interface HtmlTag {
  name: string;
  attributes: Record<string, string>;
  source: string;
}

/** Every start tag in `html`, comments skipped, read as the sanitizer reads them (src/markdown/html-syntax.ts). */
export function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const piece of scanHtml(html)) {
    if (piece.kind !== "tag" || piece.closing) continue;
    const attributes: Record<string, string> = {};
    for (const a of piece.attributes) attributes[a.name] = a.value ?? "";
    tags.push({ name: piece.name, attributes, source: piece.source });
  }
  return tags;
}
