/** Eleventy entry point: folders and plugins only; every concern lives in src/. */
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createMarkdown } from "./src/markdown/create-markdown.ts";
import markdownPlugin from "./src/eleventy/markdown.ts";
import validationPlugin from "./src/eleventy/validation.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";

/** Where a site's files are; tests point these at fixture trees. */
export interface SiteOptions {
  /** Project root: holds content/, workflows/ and _includes/. */
  root: string;
  contentDir?: string;
}

const projectRoot = fileURLToPath(new URL(".", import.meta.url));

/** Adds every plugin of the site; the default export applies it to this project. */
export function configureSite(eleventyConfig: EleventyConfig, options: SiteOptions) {
  const { root, contentDir = "content" } = options;
  const input = join(root, contentDir);
  const md = createMarkdown({ root });

  eleventyConfig.addPlugin(markdownPlugin, { md });
  eleventyConfig.addPlugin(validationPlugin, { root, contentDir, md });

  eleventyConfig.addPassthroughCopy({
    [`${root}/workflows`]: "workflows",
    [`${projectRoot}/src/styles`]: "assets/css",
  });

  // Eleventy resolves the input folder against the working directory and the includes
  // folder against the input folder. Layouts always come from this project.
  eleventyConfig.setInputDirectory(relative(process.cwd(), input) || ".");
  eleventyConfig.setIncludesDirectory(relative(input, join(projectRoot, "_includes")));
  eleventyConfig.setDataDirectory("_data");
  eleventyConfig.setOutputDirectory("_site");
}

/**
 * Settings Eleventy takes only from a config file's return value (it has no setter for
 * them); the test helper hands them to Eleventy's programmatic API itself.
 */
export const templateEngines = { markdownTemplateEngine: "njk", htmlTemplateEngine: "njk" } as const;

export default function (eleventyConfig: EleventyConfig) {
  configureSite(eleventyConfig, { root: projectRoot });
  return templateEngines;
}
