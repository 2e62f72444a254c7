/** A page's description for search engines and link previews: its summary, else its first paragraph. */
import markdownIt from "markdown-it";

/** Search results show about this much; a longer description is cut at a word. */
export const DESCRIPTION_MAX = 160;

// Plain CommonMark, no HTML: only the text of the paragraph is wanted, never markup.
const md = markdownIt({ html: false });

/**
 * The text of the first paragraph of a Markdown body (not a heading, list or code), with
 * Nunjucks tags and `{…}` attributes left out; "" when there is none.
 */
export function firstParagraphText(body: string): string {
  const text = body.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}|\{##[\s\S]*?##\}/g, "");
  const tokens = md.parse(text, {});
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "paragraph_open" || tokens[i]!.level !== 0) continue;
    const words = (tokens[i + 1]?.children ?? [])
      .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : ""))
      .join("")
      .replace(/\{[^{}]*\}/g, "")
      .replace(/\s+/g, " ")
      .trim();
    if (words) return shorten(words);
  }
  return "";
}

function shorten(text: string): string {
  if (text.length <= DESCRIPTION_MAX) return text;
  const cut = text.slice(0, DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/** `summary` when it has text, else the first paragraph of `body`, else `fallback`. */
export function pageDescription(summary: unknown, body: string | undefined, fallback: string): string {
  if (typeof summary === "string" && summary.trim() !== "") return summary.trim();
  return firstParagraphText(body ?? "") || fallback;
}
