/** The production build of a benchmark corpus without its search index step (compared with bare Eleventy alone). */
import { configureSite, templateEngines } from "../../eleventy.config.ts";
import searchIndexPlugin from "../../src/eleventy/search-index.ts";
import { projectCacheDir } from "../../src/util/disk-cache.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { removePlugin } from "../site-kinds.ts";

export default function (eleventyConfig: EleventyConfig) {
  // As `npm run build` runs it: with the project's results kept on disk between builds.
  configureSite(eleventyConfig, { root: process.cwd(), cacheDir: projectCacheDir(process.cwd()) });
  removePlugin(eleventyConfig, searchIndexPlugin);
  return templateEngines;
}
