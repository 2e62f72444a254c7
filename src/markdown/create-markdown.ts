/** The single factory for the project's markdown-it instance (Eleventy, check and tests). */
import markdownIt from "markdown-it";
import { attrsPlugin } from "./attrs.ts";
import { highlightPlugin } from "./highlight.ts";
import { headingAnchorsPlugin } from "./heading-anchors.ts";
import { emptyLinkPlugin } from "./empty-link.ts";
import { mediaPlugin } from "./media.ts";
import { pageVariablesPlugin } from "./page-variables.ts";
import { rawHtmlPlugin } from "./raw-html.ts";
import { safeLinksPlugin } from "./safe-url.ts";
import { workflowBlockPlugin } from "./workflow-block.ts";
import { workflowImagePlugin } from "./workflow-image.ts";
import { youtubePlugin } from "./youtube.ts";
import { WorkflowStore } from "../workflow/workflow-store.ts";
import type { MarkdownIt, RenderEnv } from "./types.ts";

/** Everything the Markdown plugins need from outside, passed in rather than looked up. */
export interface MarkdownOptions {
  /** Project root: holds content/, workflows/ and content/_data/; plugins read site data from it. */
  root: string;
  /**
   * Reads workflow files once per file version; pass the site's store so that the preview
   * writer shares it. A fresh one is made when absent.
   */
  workflows?: WorkflowStore;
  /** Extra plugins, applied last; lets tests try a plugin against the real pipeline. */
  plugins?: ReadonlyArray<(md: MarkdownIt) => void>;
}

/** Builds a fresh, fully configured markdown-it instance. */
export function createMarkdown(options: MarkdownOptions): MarkdownIt {
  const md = markdownIt({
    // Raw HTML is parsed so that rawHtmlPlugin can keep the safe subset (README "Raw HTML").
    html: true,
    linkify: false,
    typographer: false,
  });
  // Eleventy disables indented code blocks (eleventy#2438); do the same so that tests,
  // the check and the site all parse alike.
  md.disable("code");
  // Links and images are judged by the same URL policy as raw HTML (src/markdown/safe-url.ts).
  safeLinksPlugin(md);

  // Order matters:
  // 1. Raw HTML is sanitized right after inline parsing (its rule sits after "inline"),
  //    before any plugin can add trusted HTML of its own.
  rawHtmlPlugin(md);
  // Page variables are filled in between block and inline parsing, so a link written
  // `[x](/{{ lang }}/a/)` parses as a link; code blocks and code spans are left as written.
  pageVariablesPlugin(md);
  // YouTube: its core rule sits right before the sanitizer, so that an allowlisted YouTube
  // iframe block becomes a facade instead of refused text; every other iframe reaches it.
  youtubePlugin(md);
  // 2. attrs before the project plugins: its core rule must have moved `{gyazo=…}` onto
  //    the image token before the media and workflow rules look at it.
  attrsPlugin(md);
  // Code highlighting reads the fence's language after attrs has taken `{…}` off its info
  // string; its renderer override owns the `<pre class="code-block">`.
  highlightPlugin(md);
  // Media: its core rule runs after attrs (reads and strips `{gyazo=…}`/`{media=…}`) and
  // after raw HTML sanitizing, so the figures it emits are trusted; metadata from `root`.
  mediaPlugin(md, { root: options.root });
  // Heading ids and anchors: its core rule is pushed after attrs' (which turns `{#id}` into
  // an attribute and strips it from the text) and fills `env.toc` for the layout.
  headingAnchorsPlugin(md);
  // Workflow blocks: a core rule after attrs and raw HTML sanitizing, so a link-only
  // paragraph's link text is already clean when it becomes the block's caption.
  const workflows = options.workflows ?? new WorkflowStore();
  workflowBlockPlugin(md, { root: options.root, store: workflows });
  // PNGs that carry a workflow: after the media rule has resolved the image, with the same store.
  workflowImagePlugin(md, { root: options.root, store: workflows });
  // Empty links, after the workflow rule has turned lone workflow links into blocks.
  emptyLinkPlugin(md);
  for (const plugin of options.plugins ?? []) plugin(md);
  // Bodies render through renderBody (src/markdown/render-body.ts) only: a render with any
  // other env would quietly lose the page's variables, diagnostics and facts.
  const parse = md.parse.bind(md);
  md.parse = (src, env) => {
    if (typeof (env as RenderEnv | undefined)?.file !== "string") {
      throw new Error("render page bodies with renderBody (src/markdown/render-body.ts), not md.render/md.parse");
    }
    return parse(src, env);
  };
  return md;
}
