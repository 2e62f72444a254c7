/**
 * The `{% mediaRow img="URL {gyazo=loop}" alt="…" align="left" width="33" %}` … `{% endmediaRow %}`
 * block: parsing and writing its tag line. The Nunjucks tag (src/eleventy/media.ts)
 * writes the line back in this canonical form, so the Markdown block rule reads the same
 * syntax in the build (after Nunjucks) and in the content check (raw source).
 */

/**
 * A tag line; group 1 holds the arguments (quoted strings may contain `%}`). Nunjucks'
 * whitespace control (`{%-`, `-%}`) is refused: trimming could glue the tag to the text
 * around it after Nunjucks, where the block rule no longer sees a line of its own.
 */
export const MEDIA_ROW_OPEN = /^\{%\s*mediaRow\b((?:[^%"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|%(?!\}))*?)%\}\s*$/;
/** The closing tag line. */
export const MEDIA_ROW_CLOSE = /^\{%\s*endmediaRow\s*%\}\s*$/;
/** Any line that starts like the tag, to report tags not on a line of their own. */
export const MEDIA_ROW_START = /^\{%-?\s*(?:end)?mediaRow\b/;

/** The tag's arguments, as written. */
export const MEDIA_ROW_ARGUMENTS = ["img", "alt", "align", "width"] as const;
/** Which side the media sits on. */
export const MEDIA_ROW_ALIGNS = ["left", "right"] as const;
/** Bounds of `width`, the media's share of the row in percent. */
export const MEDIA_ROW_WIDTH = { min: 10, max: 90, default: 50 } as const;

/** Validated options of one block. */
export interface MediaRowOptions {
  src: string;
  mode?: { attribute: string; value: string };
  alt: string;
  align: (typeof MEDIA_ROW_ALIGNS)[number];
  width: number;
}

const ARGUMENT = /\s*,?\s*([A-Za-z_]\w*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?))/y;

// Nunjucks string escapes: \n, \t, \r, otherwise the next character itself.
function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c] ?? c);
}

/**
 * Reads `key="value"` pairs (quoted strings or numbers, commas optional, as Nunjucks and
 * authors write them). Anything else is an error: the check cannot evaluate expressions.
 */
export function parseMediaRowArguments(text: string): Record<string, string> | { error: string } {
  const args: Record<string, string> = {};
  ARGUMENT.lastIndex = 0;
  let at = 0;
  while (text.slice(at).trim() !== "") {
    ARGUMENT.lastIndex = at;
    const m = ARGUMENT.exec(text);
    if (!m) return { error: `cannot read mediaRow arguments at "${text.slice(at).trim()}"; write name="value" pairs` };
    const raw = m[2] ?? m[3];
    args[m[1]!] = raw !== undefined ? unescape(raw) : m[4]!;
    at = ARGUMENT.lastIndex;
  }
  return args;
}

/** Checks the arguments and applies the defaults; lists every problem. */
export function validateMediaRowArguments(args: Record<string, string>): { options: MediaRowOptions | null; problems: string[] } {
  const problems: string[] = [];
  for (const key of Object.keys(args)) {
    if (!(MEDIA_ROW_ARGUMENTS as readonly string[]).includes(key)) {
      problems.push(`unknown mediaRow argument "${key}"; valid arguments: ${MEDIA_ROW_ARGUMENTS.join(", ")}`);
    }
  }
  const img = parseImgArgument(args.img ?? "");
  if ("error" in img) problems.push(img.error);
  const align = args.align ?? "left";
  const alignValid = (MEDIA_ROW_ALIGNS as readonly string[]).includes(align);
  if (!alignValid) problems.push(`mediaRow align "${align}" is not valid; valid values: ${MEDIA_ROW_ALIGNS.join(", ")}`);
  const width = args.width === undefined ? MEDIA_ROW_WIDTH.default : Number(args.width);
  const widthValid = Number.isInteger(width) && width >= MEDIA_ROW_WIDTH.min && width <= MEDIA_ROW_WIDTH.max;
  if (!widthValid) problems.push(`mediaRow width "${args.width}" is not valid; use a whole percentage from ${MEDIA_ROW_WIDTH.min} to ${MEDIA_ROW_WIDTH.max}`);
  if ("error" in img) return { options: null, problems };
  // Invalid values fall back to the defaults, so the page still renders during `--serve`.
  const options: MediaRowOptions = {
    ...img,
    alt: args.alt ?? "",
    align: alignValid ? (align as MediaRowOptions["align"]) : "left",
    width: widthValid ? width : MEDIA_ROW_WIDTH.default,
  };
  return { options, problems };
}

/**
 * `img="URL"` or `img="URL {gyazo=loop}"` (also `{media=…}`); the space before `{` is
 * optional, as authors write both (`URL{gyazo=image}`).
 */
export function parseImgArgument(value: string): { src: string; mode?: { attribute: string; value: string } } | { error: string } {
  const m = /^\s*([^\s{]+)(?:\s*\{\s*(gyazo|media)\s*=\s*"?([^\s}"]*)"?\s*\})?\s*$/.exec(value);
  if (!m) {
    return { error: `mediaRow img "${value}" is not valid; write img="URL" or img="URL {gyazo=image|loop|player}"` };
  }
  return m[2] ? { src: m[1]!, mode: { attribute: m[2], value: m[3]! } } : { src: m[1]! };
}

/** The canonical tag line for `args` (what the Nunjucks tag emits). */
export function formatMediaRowTag(args: Readonly<Record<string, unknown>>): string {
  const pairs = Object.entries(args)
    // `__keywords` is Nunjucks' marker on keyword arguments; keys are Nunjucks symbols.
    .filter(([key]) => key !== "__keywords" && /^[A-Za-z_]\w*$/.test(key))
    .map(([key, value]) => `${key}="${String(value).replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}"`);
  return `{% mediaRow ${pairs.join(" ")} %}`;
}

/** The closing tag as the Nunjucks tag writes it. */
export const MEDIA_ROW_END_TAG = "{% endmediaRow %}";

/**
 * The Nunjucks tag's output: the canonical open line, the rendered body, the close line.
 * The body keeps its own first and last line breaks (and so its indentation inside a list
 * item); they are added only where whitespace control removed them.
 */
export function formatMediaRowBlock(args: Readonly<Record<string, unknown>>, body: string): string {
  const start = /^[ \t]*\r?\n/.test(body) ? "" : "\n";
  const end = /\n[ \t]*$/.test(body) ? "" : "\n";
  return `${formatMediaRowTag(args)}${start}${body}${end}${MEDIA_ROW_END_TAG}`;
}
