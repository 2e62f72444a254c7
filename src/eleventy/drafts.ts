/** Drafts: a page with `draft: true` is checked but never built (README "Writing a page"). */
import type { EleventyConfig } from "./types.ts";

/**
 * Eleventy's preprocessor drops a template that returns false before it joins any
 * collection: no HTML, no nav entry, no sitemap line, no search record. The content check
 * leaves drafts unpublished the same way and reports links to them (links/draft).
 */
export default function draftsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPreprocessor!("drafts", "md", (data: { draft?: unknown }) => (data.draft === true ? false : undefined));
}
