/**
 * Publishes the bundled reader script and stylesheet under content-hashed names
 * (`/assets/js/main.<hash>.js`, `/assets/css/site.<hash>.css`); templates ask for them with
 * `{{ "assets/js/main.js" | assetUrl }}`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ASSET_ENTRIES, bundleAssets, type BundledAsset } from "../build/bundle-assets.ts";
import { BundleCache } from "../build/bundle-cache.ts";
import type { BuildEvent, EleventyConfig } from "./types.ts";

/** Deletes earlier hashed versions of `asset` (`main.<old>.js`) left by a previous build into the same folder. */
function removeStaleVersions(folder: string, asset: BundledAsset): void {
  const name = basename(asset.name);
  const dot = name.lastIndexOf(".");
  const [stem, ext] = [name.slice(0, dot), name.slice(dot)];
  const current = basename(asset.path);
  let files: string[];
  try {
    files = readdirSync(folder);
  } catch {
    return;
  }
  for (const file of files) {
    if (file !== current && file.startsWith(`${stem}.`) && file.endsWith(ext) && /^[0-9a-f]{10}$/.test(file.slice(stem.length + 1, -ext.length))) {
      rmSync(join(folder, file), { force: true });
    }
  }
}

/**
 * Bundles in `eleventy.before`, so a broken script or stylesheet fails a production build
 * before a single page is written, and so every page can name the hashed files; writes the
 * bundles in `eleventy.after`. Bundles are cached by the bytes of their inputs: a rebuild
 * after a content edit does not run esbuild again. Under `--serve` a bundling error is
 * printed and the previous bundle stays in place.
 */
export default function assetsPlugin(eleventyConfig: EleventyConfig, options: { projectRoot: string }): void {
  const { projectRoot } = options;
  const cache = new BundleCache<BundledAsset>(projectRoot);
  let bundles: BundledAsset[] = [];
  eleventyConfig.addWatchTarget(join(projectRoot, "src/client/"));
  eleventyConfig.addWatchTarget(join(projectRoot, "src/styles/"));
  eleventyConfig.on("eleventy.before", async ({ runMode }: BuildEvent) => {
    try {
      bundles = await bundleAssets(projectRoot, cache);
    } catch (error) {
      if (runMode !== "serve" && runMode !== "watch") throw error;
      console.warn(`[assets] bundling failed, keeping the previous bundle:\n${(error as Error).message}`);
    }
  });
  eleventyConfig.on("eleventy.after", ({ outputMode, directories }: BuildEvent) => {
    if (outputMode !== "fs") return; // toJSON() renders pages only
    for (const asset of bundles) {
      const target = join(directories.output, asset.path);
      mkdirSync(dirname(target), { recursive: true });
      removeStaleVersions(dirname(target), asset);
      writeFileSync(target, asset.contents);
    }
  });
  // A site path; the base path is added with every other URL of the page (src/eleventy/publishing.ts).
  eleventyConfig.addFilter("assetUrl", (name: string) => {
    const asset = bundles.find((b) => b.name === name);
    if (asset) return `/${asset.path}`;
    if (!ASSET_ENTRIES.some((e) => e.output === name)) {
      throw new Error(`assetUrl: no bundled asset named "${name}" (known: ${ASSET_ENTRIES.map((e) => e.output).join(", ")})`);
    }
    // Only under --serve, when the first bundling failed (a production build has stopped already).
    return `/${name}`;
  });
}
