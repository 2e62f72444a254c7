/**
 * Local PNGs that already carry a workflow (ComfyUI saves its images with the graph in a
 * `workflow` chunk): an image shown on its own gets a workflow block right after it, with
 * the node count, Download (the PNG, which ComfyUI opens when it is dropped on the canvas)
 * and "what you need". Runs after the media rule, which has resolved and sized the image.
 * A PNG without the chunk is left alone; the build never adds one.
 */
import { basename, relative, resolve } from "node:path";
import { localImagePath } from "../media/local-image-size.ts";
import type { WorkflowRef } from "../workflow/workflow-paths.ts";
import type { WorkflowStore } from "../workflow/workflow-store.ts";
import { envOf } from "./render-env.ts";
import { reportAt, type MarkdownIt, type Token } from "./types.ts";
import { WORKFLOW_BLOCK_TOKEN, type BlockMeta } from "./workflow-block.ts";

/** The one image of an inline that holds nothing else, when it is a PNG. */
function solePng(inline: Token | undefined): Token | null {
  const children = (inline?.children ?? []).filter((c) => !(c.type === "text" && c.content.trim() === ""));
  const [image] = children;
  if (children.length !== 1 || image?.type !== "image") return null;
  return /\.png(?:[?#].*)?$/i.test(String(image.attrGet("src") ?? "")) ? image : null;
}

/** A block reference for an image: its URL as written, its file name, its path for messages. */
function imageRef(src: string, file: string, root: string): WorkflowRef {
  return { href: src, segments: [], fileName: basename(file), file: relative(root, file).split("\\").join("/"), previewHref: "" };
}

/** Registers the core rule that adds a workflow block after each PNG that carries a workflow. */
export function workflowImagePlugin(md: MarkdownIt, options: { root: string; store: WorkflowStore }): void {
  md.core.ruler.push("workflow_image", (state) => {
    const env = envOf(state.env);
    const tokens = state.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i]!.type !== "inline" || !/^(paragraph|media_row)_close$/.test(tokens[i + 1]!.type)) continue;
      const image = solePng(tokens[i]);
      if (!image) continue;
      const src = String(image.attrGet("src"));
      const file = localImagePath(src, options.root, resolve(options.root, env.file));
      const result = file && options.store.loadImage(file, options.root);
      if (!file || !result) continue;
      const ref = imageRef(src, file, options.root);
      // The image still shows whatever its chunk holds: a bad chunk lowers quality, it breaks nothing.
      const problems = result.ok ? result.value.warnings : result.problems;
      for (const p of problems) reportAt(env, tokens[i]!, "warning", p.rule, `${ref.file} (its workflow chunk): ${p.message}`);
      if (!result.ok) continue;
      const block = new state.Token(WORKFLOW_BLOCK_TOKEN, "section", 0);
      block.block = true;
      block.map = tokens[i]!.map;
      block.level = tokens[i + 1]!.level;
      block.meta = { ref, loaded: result.value, caption: [], folded: false } satisfies BlockMeta;
      tokens.splice(i + 2, 0, block);
    }
  });
}

