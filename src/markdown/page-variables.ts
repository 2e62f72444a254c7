/**
 * Page variables in a body: `{{ lang }}`, `{{ section }}` and `{{ slug }}` become the
 * page's values; any other `{{ … }}` or `{% … %}` in prose is an error and stays as
 * written. Bodies are Markdown, never templates, so nothing an author writes is run.
 * Code (fences, indented code, inline code spans) is never touched: it reaches the page
 * exactly as written. `{% mediaRow %}` lines are the media-row block rule's own syntax.
 */
import { envOf, type PageVariables, type RenderEnv } from "./render-env.ts";
import { reportAt, type MarkdownIt, type StateCore, type Token } from "./types.ts";

/** The names a body and a permalink may use. */
export const PAGE_VARIABLES: readonly (keyof PageVariables)[] = ["lang", "section", "slug"];

// `{{ name }}` (Nunjucks' whitespace control `{{-`/`-}}` accepted), else any opener.
// Bounded and without nested quantifiers, so that no input makes it slow.
// The media-row block rule owns its own tag lines, well-formed or not.
const MEDIA_ROW_TAG = /^\{%-?\s*(?:end)?mediaRow\b/;
const TAG = /\{\{-?[ \t]{0,20}([a-z]{1,20})[ \t]{0,20}-?\}\}|\{\{|\{%/g;

/**
 * `text` with page variables filled in; `onUnknown` hears of every other tag, which stays
 * as written (with `escape`, its `{` is written `\{` so that markdown-it-attrs does not
 * take it for an attribute list and the reader still sees it).
 */
export function expandVariables(
  text: string,
  variables: Readonly<PageVariables>,
  onUnknown: (tag: string, index: number) => void,
  escape = false,
): string {
  return text.replace(TAG, (tag, name: string | undefined, index: number) => {
    if (name !== undefined && (PAGE_VARIABLES as readonly string[]).includes(name)) return variables[name as keyof PageVariables];
    if (MEDIA_ROW_TAG.test(text.slice(index, index + 20))) return tag;
    onUnknown(tagText(text, index), index);
    return escape && text[index - 1] !== "\\" ? `\\${tag}` : tag;
  });
}

/** The tag starting at `index`, up to its closing `}}`/`%}` or a short excerpt. */
function tagText(text: string, index: number): string {
  const close = text.slice(index, index + 80).search(/[}%]\}/);
  return close < 0 ? `${text.slice(index, index + 40)}…` : text.slice(index, index + close + 2);
}

/**
 * Index ranges of inline code spans in `text` (CommonMark: a backtick run closed by the
 * next run of the same length). Linear: each length keeps a pointer into its runs.
 */
export function codeSpans(text: string): Array<[number, number]> {
  const runs = [...text.matchAll(/(?<!\\)`+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const byLength = new Map<number, number[]>();
  runs.forEach((run, i) => {
    const list = byLength.get(run.end - run.start) ?? [];
    list.push(i);
    byLength.set(run.end - run.start, list);
  });
  const next = new Map<number, number>();
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < runs.length; i++) {
    const length = runs[i]!.end - runs[i]!.start;
    const list = byLength.get(length)!;
    let k = next.get(length) ?? 0;
    while (k < list.length && list[k]! <= i) k++;
    next.set(length, k);
    if (k === list.length) continue;
    const close = list[k]!;
    spans.push([runs[i]!.start, runs[close]!.end]);
    i = close;
  }
  return spans;
}

/** `text` with variables expanded outside code spans. */
function expandOutsideCode(text: string, env: RenderEnv, token: Token): string {
  if (!text.includes("{{") && !text.includes("{%")) return text;
  let out = "";
  let last = 0;
  const expand = (part: string, offset: number) =>
    expandVariables(part, env.variables, (tag, index) => {
      const line = (token.map?.[0] ?? 0) + 1 + (text.slice(0, offset + index).match(/\n/g)?.length ?? 0);
      // Errors only: finding the column by searching the source line is cheap enough.
      const column = (env.source.split("\n")[line - 1] ?? "").indexOf(tag.replace(/…$/, "")) + 1 || 1;
      reportAt(env, { line, column }, "error", "template/unknown-tag", unknownTagMessage(tag));
    }, token.type === "inline");
  for (const [start, end] of codeSpans(text)) {
    out += expand(text.slice(last, start), last) + text.slice(start, end);
    last = end;
  }
  return out + expand(text.slice(last), last);
}

/** What an author reads for a tag the body cannot hold. */
export function unknownTagMessage(tag: string): string {
  const shown = tag.length > 60 ? `${tag.slice(0, 57)}…` : tag;
  return `${shown} is not allowed here: page bodies are Markdown, not templates. Use {{ lang }}, {{ section }} or {{ slug }}, or {% mediaRow %} on a line of its own; to show the text itself, put it in \`code\``;
}

/** Expands variables in paragraphs, headings and raw HTML, before inline parsing. */
function pageVariablesRule(state: StateCore): void {
  const env = envOf(state.env);
  for (const token of state.tokens) {
    if (token.type === "inline" || token.type === "html_block") token.content = expandOutsideCode(token.content, env, token);
  }
}

/** Registers the rule between block and inline parsing: links such as `[x](/{{ lang }}/a/)` then parse. */
export function pageVariablesPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "page_variables", pageVariablesRule);
}
