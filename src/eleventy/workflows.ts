/** Binds workflow blocks to Eleventy: rebuild on workflow edits, publish the preview SVGs. */
import { join, resolve } from "node:path";
import { PREVIEWS_DIR, WORKFLOWS_DIR } from "../workflow/workflow-paths.ts";
import type { WorkflowStore } from "../workflow/workflow-store.ts";
import { writePreviews } from "../workflow/write-previews.ts";
import type { EleventyConfig } from "./types.ts";

/** The project root and the store the Markdown instance reads workflows with. */
export interface WorkflowsPluginOptions {
  root: string;
  workflows: WorkflowStore;
}

/**
 * Previews are drawn in `eleventy.before` into a folder of the site's cache, from the same
 * store the pages are rendered with (each file is parsed and drawn once per build), and
 * Eleventy publishes that folder as passthrough copy: it copies it into a build and serves
 * it straight from the cache under `--serve`. A production build with content errors stops
 * in `eleventy.before`, before anything is copied.
 */
export default function workflowsPlugin(eleventyConfig: EleventyConfig, options: WorkflowsPluginOptions): void {
  // The folder is passthrough-copied (emulated under --serve, which only reloads the
  // browser); watching it makes Eleventy re-render the blocks and redraw the previews.
  eleventyConfig.addWatchTarget(join(options.root, WORKFLOWS_DIR));
  const drawn = previewsCacheDir(options.root);
  eleventyConfig.addPassthroughCopy({ [join(drawn, PREVIEWS_DIR)]: PREVIEWS_DIR });
  // What each preview was last written with, so a dev rebuild does not read every SVG back.
  const written = new Map<string, string>();
  eleventyConfig.on("eleventy.before", () => {
    writePreviews(options.workflows, options.root, drawn, written);
  });
}

/** Where a site's previews are drawn before Eleventy publishes them (ignored by git as `.cache/`). */
export const previewsCacheDir = (root: string) => join(resolve(root), ".cache", "generated");
