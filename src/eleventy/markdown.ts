/** Binds the Markdown factory to Eleventy, and keeps `{#id}` usable under Nunjucks. */
import type { MarkdownIt } from "../markdown/types.ts";
import type { EleventyConfig } from "./types.ts";

/**
 * Markdown is preprocessed by Nunjucks, whose default comment tag `{#` would swallow
 * markdown-it-attrs' `{#id}`. Nunjucks comments are written `{##  ##}` instead, in
 * layouts and content alike; `{#id}` then reaches markdown-it untouched.
 */
export const NUNJUCKS_TAGS = { commentStart: "{##", commentEnd: "##}" } as const;

export default function markdownPlugin(eleventyConfig: EleventyConfig, options: { md: MarkdownIt }): void {
  eleventyConfig.setNunjucksEnvironmentOptions({ tags: NUNJUCKS_TAGS });
  eleventyConfig.setLibrary("md", options.md);
}
