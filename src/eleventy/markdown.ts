/** Binds the Markdown factory to Eleventy, and keeps `{#id}` usable under Nunjucks. */
import type { RenderedBodies } from "../markdown/rendered-bodies.ts";
import type { MarkdownIt } from "../markdown/types.ts";
import type { EleventyConfig } from "./types.ts";

/**
 * Markdown is preprocessed by Nunjucks, whose default comment tag `{#` would swallow
 * markdown-it-attrs' `{#id}`. Nunjucks comments are written `{##  ##}` instead, in
 * layouts and content alike; `{#id}` then reaches markdown-it untouched.
 */
export const NUNJUCKS_TAGS = { commentStart: "{##", commentEnd: "##}" } as const;

/** `rendered`: bodies the content check already rendered, served instead of rendering them again. */
export default function markdownPlugin(eleventyConfig: EleventyConfig, options: { md: MarkdownIt; rendered?: RenderedBodies }): void {
  eleventyConfig.setNunjucksEnvironmentOptions({ tags: NUNJUCKS_TAGS });
  eleventyConfig.setLibrary("md", options.rendered ? options.rendered.libraryFor(options.md) : options.md);
}
