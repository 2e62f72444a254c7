/** The production build of a benchmark corpus without its search index step (compared with bare Eleventy alone). */
import { configureSite, templateEngines } from "../../eleventy.config.ts";
import searchIndexPlugin from "../../src/eleventy/search-index.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { removePlugin } from "../site-kinds.ts";

export default function (eleventyConfig: EleventyConfig) {
  configureSite(eleventyConfig, { root: process.cwd() });
  removePlugin(eleventyConfig, searchIndexPlugin);
  return templateEngines;
}
