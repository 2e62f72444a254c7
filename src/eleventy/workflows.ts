/** Binds workflow blocks to Eleventy: rebuild on workflow edits, write the preview SVGs. */
import { join, resolve } from "node:path";
import { WORKFLOWS_DIR } from "../workflow/workflow-paths.ts";
import type { WorkflowStore } from "../workflow/workflow-store.ts";
import { writePreviews } from "../workflow/write-previews.ts";
import type { EleventyConfig } from "./types.ts";

/** The project root and the store the Markdown instance reads workflows with. */
export interface WorkflowsPluginOptions {
  root: string;
  workflows: WorkflowStore;
}

/**
 * Previews are written in `eleventy.after`, from the same store the pages were rendered
 * with, so each file is parsed and drawn once per build. A production build with content
 * errors stops in `eleventy.before` and never gets here; JSON-only runs write nothing.
 */
export default function workflowsPlugin(eleventyConfig: EleventyConfig, options: WorkflowsPluginOptions): void {
  // The folder is passthrough-copied (emulated under --serve, which only reloads the
  // browser); watching it makes Eleventy re-render the blocks and redraw the previews.
  eleventyConfig.addWatchTarget(join(options.root, WORKFLOWS_DIR));
  // What each preview was last written with, so a dev rebuild does not read every SVG back.
  const written = new Map<string, string>();
  eleventyConfig.on("eleventy.after", ({ directories, outputMode }: { directories: { output: string }; outputMode?: string }) => {
    if (outputMode !== "fs") return;
    writePreviews(options.workflows, options.root, resolve(directories.output), written);
  });
}
