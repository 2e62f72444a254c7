/**
 * The baseline: bare Eleventy 3 on a benchmark corpus, as a stock site would run it (plain
 * JavaScript, no tsx): Eleventy's own markdown-it, a one-line layout, the same permalinks.
 * `eleventy --config=bench/sites/bare.config.mjs` from the corpus root.
 */
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const includes = fileURLToPath(new URL("./bare-includes", import.meta.url));

/** The layouts the corpus names, all mapped onto the one-line layout. */
const LAYOUTS = ["page.njk", "home.njk", "section.njk", "base.njk"];

/** Settings Eleventy takes only as config return values, as in eleventy.config.ts. */
export const bareTemplateEngines = { markdownTemplateEngine: "njk", htmlTemplateEngine: "njk" };

/**
 * Configures bare Eleventy for a corpus root. Three settings are not "stock" because the
 * same Markdown must render at all: Nunjucks preprocessing (permalinks use `{{ lang }}`),
 * `{##` comments (the site's NUNJUCKS_TAGS, or Nunjucks would read markdown-it-attrs'
 * `{#id}` as a comment), and `mediaRow` passed through as its Markdown body.
 */
export function configureBare(eleventyConfig, { root }) {
  const input = join(root, "content");
  eleventyConfig.setNunjucksEnvironmentOptions({ tags: { commentStart: "{##", commentEnd: "##}" } });
  eleventyConfig.addPairedShortcode("mediaRow", (content) => content);
  for (const layout of LAYOUTS) eleventyConfig.addLayoutAlias(layout, "bare.njk");
  eleventyConfig.setInputDirectory(relative(process.cwd(), input) || ".");
  eleventyConfig.setIncludesDirectory(relative(input, includes));
  eleventyConfig.setDataDirectory("_data");
}

/** The corpus is the working directory. */
export default function (eleventyConfig) {
  configureBare(eleventyConfig, { root: process.cwd() });
  return bareTemplateEngines;
}
