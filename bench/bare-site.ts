/**
 * The baseline the overhead is measured against: bare Eleventy 3 on the same corpus, with
 * Eleventy's stock markdown-it, a one-line layout and the same permalinks.
 */
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { NUNJUCKS_TAGS } from "../src/eleventy/markdown.ts";
import type { EleventyConfig } from "../src/eleventy/types.ts";

const includes = fileURLToPath(new URL("./bare-includes", import.meta.url));

/** The layouts the corpus names, all mapped onto the one-line layout. */
const LAYOUTS = ["page.njk", "home.njk", "section.njk", "base.njk"];

/**
 * Configures bare Eleventy for a corpus root. Two settings are not "stock" because the
 * same Markdown must render at all: Nunjucks preprocessing (permalinks use `{{ lang }}`)
 * and `{##` comments, or Nunjucks would read markdown-it-attrs' `{#id}` as a comment.
 */
export function configureBare(eleventyConfig: EleventyConfig, options: { root: string }): void {
  const input = join(options.root, "content");
  eleventyConfig.setNunjucksEnvironmentOptions({ tags: NUNJUCKS_TAGS });
  for (const layout of LAYOUTS) (eleventyConfig.addLayoutAlias as (from: string, to: string) => void)(layout, "bare.njk");
  eleventyConfig.setInputDirectory(relative(process.cwd(), input) || ".");
  eleventyConfig.setIncludesDirectory(relative(input, includes));
  eleventyConfig.setDataDirectory("_data");
}

/** Settings Eleventy takes only as config return values, as in eleventy.config.ts. */
export const bareTemplateEngines = { markdownTemplateEngine: "njk", htmlTemplateEngine: "njk" } as const;
