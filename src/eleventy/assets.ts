/** Publishes the bundled reader script and stylesheet to /assets/js/main.js and /assets/css/site.css. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundleAssets, type BundledAsset } from "../build/bundle-assets.ts";
import type { EleventyConfig } from "./types.ts";

interface BuildEvent {
  runMode?: string;
  outputMode?: string;
  directories: { output: string };
}

/**
 * Bundles in `eleventy.before`, so a broken script or stylesheet fails a production build
 * before a single page is written; writes the bundles in `eleventy.after`. Under `--serve`
 * a bundling error is printed and the previous bundle stays in place.
 */
export default function assetsPlugin(eleventyConfig: EleventyConfig, options: { projectRoot: string }): void {
  const { projectRoot } = options;
  let bundles: BundledAsset[] = [];
  eleventyConfig.addWatchTarget(join(projectRoot, "src/client/"));
  eleventyConfig.addWatchTarget(join(projectRoot, "src/styles/"));
  eleventyConfig.on("eleventy.before", async ({ runMode, outputMode }: BuildEvent) => {
    bundles = [];
    if (outputMode !== "fs") return; // toJSON() renders pages only
    try {
      bundles = await bundleAssets(projectRoot);
    } catch (error) {
      if (runMode !== "serve" && runMode !== "watch") throw error;
      console.warn(`[assets] bundling failed, keeping the previous bundle:\n${(error as Error).message}`);
    }
  });
  eleventyConfig.on("eleventy.after", ({ directories }: BuildEvent) => {
    for (const { path, contents } of bundles) {
      const target = join(directories.output, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, contents);
    }
  });
}
