/**
 * Reading an author's raw HTML the way a browser would, in one linear pass: the sanitizer
 * (raw-html.ts) and the content check (html-tags.ts) both see the same tags and
 * the same attribute values, character references decoded as the browser decodes them.
 */
import { decodeHTMLAttribute } from "entities";

/** One attribute: lower-case name, value with character references decoded (undefined: no value). */
export interface HtmlAttribute {
  name: string;
  value: string | undefined;
}

/** A run of text, a comment, or one start or end tag, with its source text. */
export type HtmlPiece =
  | { kind: "text"; source: string }
  | { kind: "comment"; source: string }
  | { kind: "tag"; source: string; closing: boolean; name: string; attributes: HtmlAttribute[]; selfClosing: boolean };

// One tag at a `<` (sticky). Attribute names exclude `<`: with it, each later `<` of
// `<div b<a b<a …` restarts a scan to the end of the text, quadratic in its length; the
// browser would read `b<a` as one name, here that text is simply not a tag.
const TAG_AT = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'>/=<]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes in a tag's attribute text, in order, names lower-cased, values decoded (a duplicate is kept: the first wins in a browser). */
export function attributesOf(raw: string): HtmlAttribute[] {
  const out: HtmlAttribute[] = [];
  for (const m of raw.matchAll(ATTRIBUTE)) {
    const value = m[2] ?? m[3] ?? m[4];
    out.push({ name: m[1]!.toLowerCase(), value: value === undefined ? undefined : decodeHTMLAttribute(value) });
  }
  return out;
}

/** Splits `html` into text, comments and tags; linear in its length. */
export function scanHtml(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  let text = 0;
  let from = 0;
  // Once one `<!--` has no `-->` after it, no later one has: never search again.
  let commentsClose = true;
  const flushText = (end: number) => {
    if (end > text) pieces.push({ kind: "text", source: html.slice(text, end) });
  };
  for (let lt = html.indexOf("<", from); lt >= 0; lt = html.indexOf("<", from)) {
    from = lt + 1;
    if (html.startsWith("<!--", lt)) {
      const end = commentsClose ? html.indexOf("-->", lt + 4) : -1;
      if (end < 0) {
        commentsClose = false;
        continue;
      }
      flushText(lt);
      pieces.push({ kind: "comment", source: html.slice(lt, end + 3) });
      text = from = end + 3;
      continue;
    }
    TAG_AT.lastIndex = lt;
    const m = TAG_AT.exec(html);
    if (!m) continue;
    flushText(lt);
    const [source, closing, name, rawAttributes, selfClosing] = m;
    pieces.push({ kind: "tag", source, closing: closing === "/", name: name!.toLowerCase(), attributes: attributesOf(rawAttributes ?? ""), selfClosing: selfClosing === "/" });
    text = from = lt + source.length;
  }
  flushText(html.length);
  return pieces;
}

/**
 * An attribute value as HTML source: every `&`, `"`, `<` and `>` escaped, so the browser
 * reads back exactly the decoded value that was judged, never a character reference the
 * judgement did not see.
 */
export function escapeAttributeValue(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
