/**
 * The production build of a benchmark corpus, exactly as `npm run build` configures this
 * project, with the corpus (the working directory) as the root.
 */
import { configureSite, templateEngines } from "../../eleventy.config.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";

export default function (eleventyConfig: EleventyConfig) {
  configureSite(eleventyConfig, { root: process.cwd() });
  return templateEngines;
}
