/**
 * Content is data (README "Security"): front matter is YAML without Eleventy's
 * processing keys, permalinks are not templates, and page bodies are not templates
 * either (`markdownTemplateEngine: false` in eleventy.config.ts). A permalink's page
 * variables are filled in by the same function the check uses.
 */
import { relative, resolve } from "node:path";
import { eleventyEngines } from "../content/front-matter-engines.ts";
import { placeOf } from "../content/page-identity.ts";
import { expandPermalink, pageVariables } from "../content/page-variables.ts";
import { localeCodes } from "../i18n/locale.ts";
import type { EleventyConfig } from "./types.ts";

/** Where the content is, to read each page's place from its path. */
export interface ContentDataOptions {
  root: string;
  contentDir: string;
}

interface PreprocessedData {
  permalink?: unknown;
  page: { inputPath: string };
  [key: string]: unknown;
}

export default function contentDataPlugin(eleventyConfig: EleventyConfig, options: ContentDataOptions): void {
  (eleventyConfig.setFrontMatterParsingOptions as (o: unknown) => void)({ engines: eleventyEngines });
  const contentRoot = resolve(options.root, options.contentDir);
  // Preprocessors run on each page's data before Eleventy computes its URL.
  (eleventyConfig.addPreprocessor as (name: string, ext: string, fn: (data: PreprocessedData) => void) => void)(
    "page-variables",
    "md",
    (data) => {
      // Eleventy would otherwise render the permalink string as a Nunjucks template.
      data.dynamicPermalink = false;
      if (typeof data.permalink !== "string") return;
      const place = placeOf(relative(contentRoot, resolve(data.page.inputPath)), localeCodes());
      // A permalink with other tags is an error of the check; it is left out rather than written as a path.
      const url = expandPermalink(data.permalink, pageVariables(place, data));
      if (url === undefined) delete data.permalink;
      else data.permalink = url;
    },
  );
}
