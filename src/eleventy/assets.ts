/**
 * Publishes the bundled reader script and stylesheet under content-hashed names
 * (`/assets/js/main.<hash>.js`, `/assets/css/site.<hash>.css`); templates ask for them with
 * `{{ "assets/js/main.js" | assetUrl }}`.
 */
import { join } from "node:path";
import { ASSET_ENTRIES, bundleAssets, type BundledAsset } from "../build/bundle-assets.ts";
import { BundleCache } from "../build/bundle-cache.ts";
import { DiskCache } from "../util/disk-cache.ts";
import type { BuildEvent, EleventyConfig } from "./types.ts";

/**
 * Bundles in `eleventy.before`, so a broken script or stylesheet fails a production build
 * before a single page is written, and so every page can name the hashed files. Eleventy
 * writes the bundles: one virtual template per bundle, paginated over this build's. They
 * are cached by the bytes of their inputs (on disk too, with a `cacheDir`): a rebuild or
 * a build after a content edit does not run esbuild again. Under `--serve` a bundling error is printed and the previous bundle stays.
 */
export default function assetsPlugin(eleventyConfig: EleventyConfig, options: { projectRoot: string; cacheDir?: string }): void {
  const { projectRoot, cacheDir } = options;
  const cache = new BundleCache<BundledAsset>(projectRoot, cacheDir === undefined ? undefined : new DiskCache(cacheDir, "assets", projectRoot));
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
  // Collections are gathered after eleventy.before: this build's bundles.
  eleventyConfig.addCollection("bundledAssets", () => bundles);
  const text = new TextDecoder("utf-8", { fatal: true });
  eleventyConfig.addFilter("bundledText", (asset: BundledAsset) => text.decode(asset.contents));
  eleventyConfig.addTemplate!("_generated/bundled-asset.njk", "{{ asset | bundledText | safe }}", {
    eleventyExcludeFromCollections: true,
    pagination: { data: "collections.bundledAssets", size: 1, alias: "asset" },
    permalink: (data: { asset: BundledAsset }) => `/${data.asset.path}`,
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
