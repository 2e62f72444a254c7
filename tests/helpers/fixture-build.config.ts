/**
 * An Eleventy config file for building a fixture site with Eleventy's own CLI (tests that
 * need what the CLI prints): the site root comes from `FIXTURE_ROOT`, the output folder
 * from `FIXTURE_OUTPUT`.
 */
import { configureSite, templateEngines } from "../../eleventy.config.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";

export default function (eleventyConfig: EleventyConfig) {
  configureSite(eleventyConfig, { root: process.env.FIXTURE_ROOT! });
  eleventyConfig.setOutputDirectory(process.env.FIXTURE_OUTPUT!);
  return templateEngines;
}
