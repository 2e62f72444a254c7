/**
 * Workflow blocks: a paragraph that is only a link to `/workflows/….json`
 * (`[](/workflows/a/b.json)`, with or without link text), or a list item that is only such
 * a link, becomes a workflow block. A core rule reshapes the tokens; a renderer rule for
 * the new token writes the block. A workflow link left inline with no text of its own gets
 * the file name as its text, so it is never an invisible `<a></a>`.
 */
import { envOf } from "./render-env.ts";
import { renderWorkflowBlock } from "../workflow/render-block.ts";
import { parseWorkflowHref, workflowPath, type WorkflowRef } from "../workflow/workflow-paths.ts";
import type { LoadedWorkflow, WorkflowStore } from "../workflow/workflow-store.ts";
import { devMarkerToken, isDevRender } from "./dev-marker.ts";
import { reportAt, type MarkdownIt, type StateCore, type Token } from "./types.ts";

/** What the workflow plugin needs: the project root and the store that reads workflow files. */
export interface WorkflowBlockOptions {
  root: string;
  store: WorkflowStore;
}

/** The token type of a workflow block, also made by workflow-image.ts for PNGs that carry a workflow. */
export const WORKFLOW_BLOCK_TOKEN = "workflow_block";

/** What a workflow block token carries to the renderer. */
export interface BlockMeta {
  ref: WorkflowRef;
  loaded: LoadedWorkflow;
  caption: Token[];
  /** The preview starts folded: the block follows a screenshot, or the author said so. */
  folded: boolean;
}

/** The link_open token and the tokens of its text, when an inline holds one link and nothing else. */
function soleLink(inline: Token | undefined): { link: Token; text: Token[] } | null {
  const children = (inline?.children ?? []).filter((c) => !(c.type === "text" && c.content.trim() === ""));
  const [first] = children;
  const last = children[children.length - 1];
  if (first?.type !== "link_open" || last?.type !== "link_close") return null;
  const text = children.slice(1, -1);
  if (text.some((c) => c.type === "link_open")) return null;
  return { link: first, text };
}

/** A paragraph of its own, or the only content of a tight list item (a hidden paragraph). */
function standsAlone(tokens: readonly Token[], i: number): boolean {
  if (tokens[i]!.type !== "paragraph_open" || tokens[i + 2]?.type !== "paragraph_close") return false;
  if (!tokens[i]!.hidden) return true;
  return tokens[i - 1]?.type === "list_item_open" && tokens[i + 3]?.type === "list_item_close";
}

/** Whether the block right before token `i` is a paragraph of images only (a screenshot, or a row of them). */
function followsImage(tokens: readonly Token[], i: number): boolean {
  const close = tokens[i - 1];
  const inline = tokens[i - 2];
  if ((close?.type !== "paragraph_close" && close?.type !== "media_row_close") || inline?.type !== "inline") return false;
  const children = (inline.children ?? []).filter((c) => !(c.type === "softbreak" || (c.type === "text" && c.content.trim() === "")));
  return children.length > 0 && children.every((c) => c.type === "image");
}

/**
 * Whether the preview starts folded: by default when the block directly follows a
 * screenshot (two pictures of one graph in a row); `{.preview-open}` or `{.preview-folded}`
 * after the link decides it per block (classes, because the attribute allowlist keeps them).
 */
function startsFolded(link: Token, tokens: readonly Token[], i: number): boolean {
  const classes = String(link.attrGet("class") ?? "").split(/\s+/);
  if (classes.includes("preview-open")) return false;
  if (classes.includes("preview-folded")) return true;
  return followsImage(tokens, i);
}

/** Gives inline `/workflows/` links with no text the file name (or, for a bad path, the link) as text. */
function nameEmptyWorkflowLinks(state: StateCore): void {
  for (const token of state.tokens) {
    const children = token.type === "inline" ? token.children : null;
    if (!children) continue;
    for (let k = 0; k + 1 < children.length; k++) {
      if (children[k]!.type !== "link_open" || children[k + 1]!.type !== "link_close") continue;
      const href = String(children[k]!.attrGet("href") ?? "");
      const ref = parseWorkflowHref(href);
      if (!ref) continue;
      const text = new state.Token("text", "", 0);
      text.content = typeof ref === "string" ? href : ref.fileName;
      children.splice(k + 1, 0, text);
    }
  }
}

/** Registers the core rule and the renderer for workflow blocks. */
export function workflowBlockPlugin(md: MarkdownIt, options: WorkflowBlockOptions): void {
  md.core.ruler.push("workflow_block", (state) => {
    const env = envOf(state.env);
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (!standsAlone(tokens, i)) continue;
      const sole = soleLink(tokens[i + 1]);
      const parsed = sole && parseWorkflowHref(String(sole.link.attrGet("href") ?? ""));
      if (!sole || !parsed) continue;
      if (typeof parsed === "string") {
        reportAt(env, tokens[i]!, "error", "workflow/bad-path", parsed);
        continue;
      }
      const result = options.store.load(workflowPath(options.root, parsed), options.root);
      const problems = result.ok ? result.value.warnings : result.problems;
      // Reported while validating; at render time (no collector) nothing is reported.
      for (const p of problems) reportAt(env, tokens[i]!, p.severity ?? "error", p.rule, `${parsed.file}: ${p.message}`);
      if (!result.ok) {
        // Dev server only: mark the spot, so the failed block is not just an empty link.
        if (isDevRender(env)) tokens.splice(i + 3, 0, devMarkerToken(state, tokens[i]!, problems.map((p) => `${parsed.file}: ${p.message}`).join("; ")));
        continue; // stays an ordinary link
      }
      const block = new state.Token(WORKFLOW_BLOCK_TOKEN, "section", 0);
      block.block = true;
      block.map = tokens[i]!.map;
      block.level = tokens[i]!.level;
      block.meta = { ref: parsed, loaded: result.value, caption: sole.text, folded: startsFolded(sole.link, tokens, i) } satisfies BlockMeta;
      tokens.splice(i, 3, block);
    }
    nameEmptyWorkflowLinks(state);
  });

  md.renderer.rules[WORKFLOW_BLOCK_TOKEN] = (tokens, idx, opts, rawEnv) => {
    const env = envOf(rawEnv);
    const meta = tokens[idx]!.meta as unknown as BlockMeta;
    return renderWorkflowBlock({
      ref: meta.ref,
      loaded: meta.loaded,
      lang: env.lang,
      captionHtml: md.renderer.renderInline(meta.caption, opts, env).trim(),
      escape: md.utils.escapeHtml,
      folded: meta.folded,
    });
  };
}
