/**
 * Workflow blocks: a paragraph that is only a link to `/workflows/….json`
 * (`[](/workflows/a/b.json)`, with or without link text) becomes a workflow block.
 * A core rule reshapes the tokens; a renderer rule for the new token writes the block.
 */
import { envOf } from "./render-env.ts";
import { renderWorkflowBlock } from "../workflow/render-block.ts";
import { parseWorkflowHref, workflowPath, type WorkflowRef } from "../workflow/workflow-paths.ts";
import type { LoadedWorkflow, WorkflowStore } from "../workflow/workflow-store.ts";
import { reportAt, type MarkdownIt, type Token } from "./types.ts";

/** What the workflow plugin needs: the project root and the store that reads workflow files. */
export interface WorkflowBlockOptions {
  root: string;
  store: WorkflowStore;
}

interface BlockMeta {
  ref: WorkflowRef;
  loaded: LoadedWorkflow;
  caption: Token[];
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

/** Registers the core rule and the renderer for workflow blocks. */
export function workflowBlockPlugin(md: MarkdownIt, options: WorkflowBlockOptions): void {
  md.core.ruler.push("workflow_block", (state) => {
    const env = envOf(state.env);
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      // A hidden paragraph is an item of a tight list: a list of workflow links stays a list.
      if (tokens[i]!.type !== "paragraph_open" || tokens[i]!.hidden || tokens[i + 2]!.type !== "paragraph_close") continue;
      const sole = soleLink(tokens[i + 1]);
      const parsed = sole && parseWorkflowHref(String(sole.link.attrGet("href") ?? ""));
      if (!sole || !parsed) continue;
      if (typeof parsed === "string") {
        reportAt(env, tokens[i]!, "error", "workflow/bad-path", parsed);
        continue;
      }
      const result = options.store.load(workflowPath(options.root, parsed));
      if (!result.ok) {
        // Reported while validating; at render time (no collector) the link stays an ordinary link.
        for (const p of result.problems) reportAt(env, tokens[i]!, "error", p.rule, `${parsed.file}: ${p.message}`);
        continue;
      }
      const block = new state.Token("workflow_block", "section", 0);
      block.block = true;
      block.map = tokens[i]!.map;
      block.level = tokens[i]!.level;
      block.meta = { ref: parsed, loaded: result.value, caption: sole.text } satisfies BlockMeta;
      tokens.splice(i, 3, block);
    }
  });

  md.renderer.rules["workflow_block"] = (tokens, idx, opts, rawEnv) => {
    const env = envOf(rawEnv);
    const meta = tokens[idx]!.meta as unknown as BlockMeta;
    return renderWorkflowBlock({
      ref: meta.ref,
      loaded: meta.loaded,
      lang: env.lang,
      captionHtml: md.renderer.renderInline(meta.caption, opts, env).trim(),
      escape: md.utils.escapeHtml,
    });
  };
}
