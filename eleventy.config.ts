/** Eleventy entry point: folders and plugins only; every concern lives in src/. */
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createMarkdown } from "./src/markdown/create-markdown.ts";
import assetsPlugin from "./src/eleventy/assets.ts";
import markdownPlugin from "./src/eleventy/markdown.ts";
import globalDataPlugin from "./src/eleventy/global-data.ts";
import i18nPlugin from "./src/eleventy/i18n.ts";
import navPlugin from "./src/eleventy/nav.ts";
import sitePagesPlugin from "./src/eleventy/site-pages.ts";
import mediaPlugin from "./src/eleventy/media.ts";
import searchIndexPlugin from "./src/eleventy/search-index.ts";
import validationPlugin from "./src/eleventy/validation.ts";
import workflowsPlugin from "./src/eleventy/workflows.ts";
import { RenderedBodies } from "./src/markdown/rendered-bodies.ts";
import { WorkflowStore } from "./src/workflow/workflow-store.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";

/** Where a site's files are; tests point these at fixture trees. */
export interface SiteOptions {
  /** Project root: holds content/, workflows/ and _includes/. */
  root: string;
  contentDir?: string;
}

const projectRoot = fileURLToPath(new URL(".", import.meta.url));

/** What one configured site shares between its plugins; tests read the counts. */
export interface SiteParts {
  workflows: WorkflowStore;
  rendered: RenderedBodies;
}

/** Adds every plugin of the site; the default export applies it to this project. */
export function configureSite(eleventyConfig: EleventyConfig, options: SiteOptions): SiteParts {
  const { root, contentDir = "content" } = options;
  const input = join(root, contentDir);
  // One store per configuration: the blocks and the preview writer read each workflow once.
  const workflows = new WorkflowStore();
  const md = createMarkdown({ root, workflows });
  // The check parses every page before the build renders it: the render reuses that parse.
  const rendered = new RenderedBodies();

  eleventyConfig.addPlugin(globalDataPlugin);
  eleventyConfig.addPlugin(markdownPlugin, { md, rendered });
  eleventyConfig.addPlugin(validationPlugin, { root, contentDir, md, workflows, rendered });
  // Languages, navigation and the generated site pages (root chooser, 404s, placeholders, sitemap).
  eleventyConfig.addPlugin(i18nPlugin);
  eleventyConfig.addPlugin(navPlugin, { root, contentDir });
  eleventyConfig.addPlugin(sitePagesPlugin, { root, contentDir, projectRoot });
  eleventyConfig.addPlugin(workflowsPlugin, { root, workflows });
  // Scripts and styles always come from this project; the search index is built from the output.
  eleventyConfig.addPlugin(assetsPlugin, { projectRoot });
  eleventyConfig.addPlugin(searchIndexPlugin);
  eleventyConfig.addPlugin(mediaPlugin, { root, contentDir });

  eleventyConfig.addPassthroughCopy({
    [`${root}/workflows`]: "workflows",
  });

  // Eleventy resolves the input folder against the working directory and the includes
  // folder against the input folder. Layouts always come from this project.
  eleventyConfig.setInputDirectory(relative(process.cwd(), input) || ".");
  eleventyConfig.setIncludesDirectory(relative(input, join(projectRoot, "_includes")));
  eleventyConfig.setDataDirectory("_data");
  eleventyConfig.setOutputDirectory("_site");
  return { workflows, rendered };
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
