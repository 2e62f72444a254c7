/**
 * Binds media to Eleventy: publishing the images that live next to the pages. (The
 * `{% mediaRow %}` block is Markdown syntax, read by src/markdown/media-row-block.ts.)
 */
import { relative, join } from "node:path";
import type { EleventyConfig } from "./types.ts";

/** Image files in the content folder that are copied to the site as they are. */
export const CONTENT_IMAGE_GLOB = "**/*.{png,jpg,jpeg,gif,webp,avif,svg}";

/** Where the site's content is, to publish its images. */
export interface MediaPluginOptions {
  root: string;
  contentDir: string;
}

/** Copies content images (their sizes are read by the Markdown plugin). */
export default function mediaPlugin(eleventyConfig: EleventyConfig, options: MediaPluginOptions): void {
  // Passthrough paths are relative to the working directory; Eleventy strips the input
  // folder, so content/ja/s/a.png is published at /ja/s/a.png.
  const input = relative(process.cwd(), join(options.root, options.contentDir)) || ".";
  eleventyConfig.addPassthroughCopy(`${input}/${CONTENT_IMAGE_GLOB}`);
}
