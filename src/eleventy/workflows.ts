/** Binds workflow blocks to Eleventy: rebuild on workflow edits, publish the preview SVGs. */
import { join, relative, resolve } from "node:path";
import { WORKFLOWS_DIR } from "../workflow/workflow-paths.ts";
import type { WorkflowStore } from "../workflow/workflow-store.ts";
import { PreviewRecord, writePreviews } from "../workflow/write-previews.ts";
import { publishAfterEachBuild } from "./project-files.ts";
import type { EleventyConfig } from "./types.ts";

/** The project root and the store the Markdown instance reads workflows with. */
export interface WorkflowsPluginOptions {
  root: string;
  workflows: WorkflowStore;
}

/**
 * Previews are drawn in `eleventy.before` into a folder of the site's cache, from the same
 * store the pages are rendered with (each file is parsed and drawn once per build), and
 * published into the output at `eleventy.after` as hard links to the drawn files
 * (src/build/published-files.ts): a preview is written once, when its workflow changes,
 * not once per build. A production build with content errors stops in `eleventy.before`,
 * before anything is published.
 */
export default function workflowsPlugin(eleventyConfig: EleventyConfig, options: WorkflowsPluginOptions): void {
  // Watching the workflows makes Eleventy re-render the blocks and redraw the previews.
  eleventyConfig.addWatchTarget(join(options.root, WORKFLOWS_DIR));
  const drawn = previewsCacheDir(options.root);
  // What each preview was written with, so neither a rebuild nor the next build reads one back.
  const record = new PreviewRecord(drawn);
  let previews: string[] = [];
  eleventyConfig.on("eleventy.before", () => {
    previews = writePreviews(options.workflows, options.root, drawn, record);
  });
  publishAfterEachBuild(eleventyConfig, (output) => new Map(previews.map((preview) => [join(output, relative(drawn, preview)), preview])));
}

/** Where a site's previews are drawn before Eleventy publishes them (ignored by git as `.cache/`). */
export const previewsCacheDir = (root: string) => join(resolve(root), ".cache", "generated");
