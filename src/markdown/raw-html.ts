/**
 * Raw HTML in Markdown: a small set of formatting tags is kept, with a small set of
 * attributes; any other tag is shown as text. Authors get `<kbd>`, `<details>`, `<br>`
 * and friends; readers never get `<script>`, `on*` handlers or `javascript:` URLs.
 */
import { isSafeUrl } from "../util/safe-url.ts";
import { escapeAttributeValue, scanHtml, type HtmlPiece } from "./html-syntax.ts";
import { envOf } from "./render-env.ts";
import { reportAt, type MarkdownIt, type Token } from "./types.ts";

const GLOBAL_ATTRIBUTES = ["id", "class", "title", "lang", "dir"];

/** Tag → attributes it may keep (on top of the global ones). */
export const ALLOWED_TAGS: Readonly<Record<string, readonly string[]>> = {
  a: ["href", "rel", "target", "download"],
  abbr: [], b: [], blockquote: [], br: [], caption: [], code: [], dd: [], del: [],
  details: ["open"], div: [], dl: [], dt: [], em: [], figcaption: [], figure: [],
  h2: [], h3: [], h4: [], h5: [], h6: [], hr: [], i: [], ins: [], kbd: [], li: [],
  mark: [], ol: ["start", "reversed"], p: [], pre: [], q: [], rp: [], rt: [], ruby: [],
  s: [], samp: [], small: [], span: [], strong: [], sub: [], summary: [], sup: [],
  table: [], tbody: [], td: ["colspan", "rowspan"], tfoot: [], th: ["colspan", "rowspan", "scope"],
  thead: [], tr: [], u: [], ul: [], var: [], wbr: [],
  img: ["src", "alt", "width", "height", "loading", "decoding"],
};

const URL_ATTRIBUTES = new Set(["href", "src"]);

function escapeText(text: string): string {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** What {@link sanitizeHtml} removed, for the check to report. */
export interface Removed {
  what: string;
}

type Tag = Extract<HtmlPiece, { kind: "tag" }>;

function rebuildTag(tag: Tag, removed: Removed[]): string | null {
  const allowed = ALLOWED_TAGS[tag.name];
  if (!allowed) {
    removed.push({ what: `<${tag.closing ? "/" : ""}${tag.name}>` });
    return null;
  }
  if (tag.closing) return `</${tag.name}>`;
  const kept: string[] = [];
  for (const { name, value } of tag.attributes) {
    const known = GLOBAL_ATTRIBUTES.includes(name) || allowed.includes(name);
    // `value` is decoded (`javascript&colon;` is `javascript:`) and written back escaped,
    // so the URL judged here is exactly the URL the browser follows.
    if (!known || (URL_ATTRIBUTES.has(name) && (value === undefined || !isSafeUrl(value)))) {
      removed.push({ what: `${name}${value === undefined ? "" : "=" + JSON.stringify(value)} on <${tag.name}>` });
      continue;
    }
    kept.push(value === undefined ? name : `${name}="${escapeAttributeValue(value)}"`);
  }
  return `<${tag.name}${kept.map((a) => " " + a).join("")}${tag.selfClosing ? " /" : ""}>`;
}

/** Keeps allowed tags (with allowed attributes only), drops comments, escapes the rest. */
export function sanitizeHtml(html: string, removed: Removed[] = []): string {
  let out = "";
  for (const piece of scanHtml(html)) {
    if (piece.kind === "text") out += escapeText(piece.source);
    else if (piece.kind === "tag") out += rebuildTag(piece, removed) ?? escapeText(piece.source);
  }
  return out;
}

/**
 * Sanitizes `html_block` and `html_inline` tokens in a core rule right after inline
 * parsing: only what the author wrote is filtered (plugins that run later may emit their
 * own trusted HTML), and the check can report what was removed.
 */
export function rawHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "sanitize_raw_html", (state) => {
    const env = envOf(state.env);
    const clean = (token: Token, where: Token) => {
      env.rawHtml.set(token, token.content);
      const removed: Removed[] = [];
      token.content = sanitizeHtml(token.content, removed);
      for (const r of removed) {
        reportAt(env, where, "error", "html/disallowed", `raw HTML ${r.what} is not allowed; allowed tags: see README "Raw HTML"`);
      }
    };
    for (const token of state.tokens) {
      if (token.type === "html_block") clean(token, token);
      if (token.type !== "inline" || !token.children) continue;
      for (const child of token.children) if (child.type === "html_inline") clean(child, token);
    }
  });
}
