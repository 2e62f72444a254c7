/**
 * Block rule for media beside text: `{% mediaRow img="…" … %}` Markdown `{% endmediaRow %}`.
 * The lines are the Nunjucks tag's own output in the build and the raw source in the
 * content check (src/media/media-row-tag.ts), so both report the same problems.
 */
import { envOf } from "./render-env.ts";
import {
  MEDIA_ROW_CLOSE,
  MEDIA_ROW_OPEN,
  MEDIA_ROW_START,
  parseMediaRowArguments,
  validateMediaRowArguments,
} from "../media/media-row-tag.ts";
import type { MediaRequest } from "../media/resolve-media.ts";
import { reportAt, type MarkdownIt, type StateBlock } from "./types.ts";

/** Token that holds the block's image until the media core rule resolves it. */
export const MEDIA_FIGURE_TOKEN = "media_figure";

/** `meta` of a {@link MEDIA_FIGURE_TOKEN} token before resolution. */
export interface MediaFigureMeta {
  request: MediaRequest;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

/** The line of the matching `{% endmediaRow %}` (nested blocks allowed), or -1, and where the search stopped. */
function findClose(state: StateBlock, startLine: number, endLine: number): { close: number; end: number } {
  let depth = 1;
  let line = startLine + 1;
  for (; line < endLine; line++) {
    if (state.isEmpty(line)) continue;
    if (state.sCount[line]! < state.blkIndent) break;
    const text = lineText(state, line);
    if (MEDIA_ROW_OPEN.test(text)) depth++;
    else if (MEDIA_ROW_CLOSE.test(text) && --depth === 0) return { close: line, end: line };
  }
  return { close: -1, end: line };
}

function mediaRowBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const text = lineText(state, startLine);
  if (!MEDIA_ROW_START.test(text)) return false;
  // Interrupt a paragraph at any tag-like line, so that a malformed one is reported below.
  if (silent) return true;
  const env = envOf(state.env);
  const where = { line: startLine + 1 };
  const open = MEDIA_ROW_OPEN.exec(text);
  if (!open) {
    const problem = MEDIA_ROW_CLOSE.test(text)
      ? "{% endmediaRow %} without a {% mediaRow %} before it"
      : "write {% mediaRow … %} and {% endmediaRow %} on lines of their own, without whitespace control ({%- or -%})";
    reportAt(env, where, "error", "media/bad-media-row", problem);
    return false;
  }
  const { close, end } = findClose(state, startLine, endLine);
  if (close < 0) reportAt(env, where, "error", "media/bad-media-row", "{% mediaRow %} is not closed; add {% endmediaRow %} on a line of its own");

  const args = parseMediaRowArguments(open[1]!);
  const { options, problems } = "error" in args ? { options: null, problems: [args.error] } : validateMediaRowArguments(args);
  for (const message of problems) reportAt(env, where, "error", "media/bad-media-row", message);

  const outer = state.push("media_row_block_open", "div", 1);
  outer.block = true;
  outer.map = [startLine, close < 0 ? end : close + 1];
  outer.attrSet("class", `media-text media-text-${options?.align ?? "left"}`);
  if (options) {
    outer.attrSet("style", `--media-width: ${options.width}%`);
    const figure = state.push(MEDIA_FIGURE_TOKEN, "figure", 0);
    figure.block = true;
    figure.map = [startLine, startLine + 1];
    const request: MediaRequest = options.mode ? { src: options.src, alt: options.alt, mode: options.mode } : { src: options.src, alt: options.alt };
    figure.meta = { request } satisfies MediaFigureMeta;
  }
  state.push("media_row_body_open", "div", 1).attrSet("class", "media-text-body");

  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = "media_row";
  state.lineMax = end;
  state.md.block.tokenize(state, startLine + 1, end);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;

  state.push("media_row_body_close", "div", -1);
  state.push("media_row_block_close", "div", -1).block = true;
  state.line = close < 0 ? end : close + 1;
  return true;
}

/** Registers the block rule; it may interrupt a paragraph, as a fence can. */
export function mediaRowBlockPlugin(md: MarkdownIt): void {
  md.block.ruler.before("fence", "media_row_block", mediaRowBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
}
