/** Types of bare.config.mjs, which stays plain JavaScript so bare Eleventy runs without tsx. */
import type { EleventyConfig } from "../../src/eleventy/types.ts";

export declare const bareTemplateEngines: { markdownTemplateEngine: string; htmlTemplateEngine: string };
export declare function configureBare(eleventyConfig: EleventyConfig, options: { root: string }): void;
export default function bareConfig(eleventyConfig: EleventyConfig): typeof bareTemplateEngines;
