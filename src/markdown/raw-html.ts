/**
 * Raw HTML in Markdown: a small set of formatting tags is kept, with a small set of
 * attributes; any other tag is shown as text. Authors get `<kbd>`, `<details>`, `<br>`
 * and friends; readers never get `<script>`, `on*` handlers or `javascript:` URLs.
 */
import { isSafeUrl } from "./safe-url.ts";
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

// A comment, or one start/end tag with its attributes (quoted values may hold `>`).
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function escapeText(text: string): string {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, "&amp;").replace(/"/g, "&quot;");
}

/** What {@link sanitizeHtml} removed, for the check to report. */
export interface Removed {
  what: string;
}

function rebuildTag(closing: string, name: string, rawAttributes: string, selfClosing: string, removed: Removed[]): string | null {
  const tag = name.toLowerCase();
  const allowed = ALLOWED_TAGS[tag];
  if (!allowed) {
    removed.push({ what: `<${closing}${tag}>` });
    return null;
  }
  if (closing) return `</${tag}>`;
  const kept: string[] = [];
  for (const m of rawAttributes.matchAll(ATTRIBUTE)) {
    const attr = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    const known = GLOBAL_ATTRIBUTES.includes(attr) || allowed.includes(attr);
    if (!known || (URL_ATTRIBUTES.has(attr) && (value === undefined || !isSafeUrl(value)))) {
      removed.push({ what: `${attr}${value === undefined ? "" : "=" + JSON.stringify(value)} on <${tag}>` });
      continue;
    }
    kept.push(value === undefined ? attr : `${attr}="${escapeAttribute(value)}"`);
  }
  return `<${tag}${kept.map((a) => " " + a).join("")}${selfClosing ? " /" : ""}>`;
}

/** Keeps allowed tags (with allowed attributes only), drops comments, escapes the rest. */
export function sanitizeHtml(html: string, removed: Removed[] = []): string {
  let out = "";
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    out += escapeText(html.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0].startsWith("<!--")) continue;
    out += rebuildTag(m[1]!, m[2]!, m[3] ?? "", m[4] ?? "", removed) ?? escapeText(m[0]);
  }
  return out + escapeText(html.slice(last));
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
