/**
 * The part of Eleventy's Nunjucks preprocessing the check needs, without rendering:
 * `{{ name }}` / `{{ a.b }}` filled from the page's data, `{## … ##}` comments removed.
 * Lines never move, so diagnostics still point at the author's file.
 */

const VARIABLE = /\{\{-?\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*-?\}\}/g;
const COMMENT = /\{##[\s\S]*?##\}/g;

function lookup(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Fills simple variables whose value is a one-line string or a number; anything else
 * (filters, tags, unknown names) is left as written, and {@link hasTemplateSyntax}
 * tells callers that a value could not be known without rendering.
 */
export function interpolate(text: string, data: Record<string, unknown>): string {
  return text
    .replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ""))
    .replace(VARIABLE, (whole, path: string) => {
      const value = lookup(data, path);
      if (typeof value === "number") return String(value);
      if (typeof value === "string" && !value.includes("\n")) return value;
      return whole;
    });
}

/** True when a string still holds Nunjucks syntax after {@link interpolate}. */
export function hasTemplateSyntax(text: string): boolean {
  return /\{\{|\{%/.test(text);
}

/**
 * `text` with every `{% … %}` tag and leftover `{{ … }}` turned into spaces (newlines
 * kept), for parsers that do not know the project's Nunjucks tags: markdown-it-attrs
 * would otherwise read `{% if x %}` as an attribute list. Lines and columns stay.
 * `keep` spares a tag, given the text before it on its line.
 */
export function blankTemplateTags(text: string, keep: (tag: string, linePrefix: string) => boolean = () => false): string {
  return text.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, (tag, offset: number) =>
    keep(tag, text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset)) ? tag : tag.replace(/[^\n]/g, " "),
  );
}
