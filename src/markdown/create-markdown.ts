/** The single factory for the project's markdown-it instance (Eleventy, check and tests). */
import markdownIt from "markdown-it";
import { attrsPlugin } from "./attrs.ts";
import { rawHtmlPlugin } from "./raw-html.ts";
import type { MarkdownIt } from "./types.ts";

/** Everything the Markdown plugins need from outside, passed in rather than looked up. */
export interface MarkdownOptions {
  /** Project root: holds content/, workflows/ and content/_data/; plugins read site data from it. */
  root: string;
  /** Extra plugins, applied last; lets tests try a plugin against the real pipeline. */
  plugins?: ReadonlyArray<(md: MarkdownIt) => void>;
}

/** Builds a fresh, fully configured markdown-it instance. */
export function createMarkdown(options: MarkdownOptions): MarkdownIt {
  const md = markdownIt({
    // Raw HTML is parsed so that rawHtmlPlugin can keep the safe subset (README "Raw HTML").
    html: true,
    linkify: false,
    typographer: false,
  });
  // Eleventy disables indented code blocks (eleventy#2438); do the same so that tests,
  // the check and the site all parse alike.
  md.disable("code");

  // Order matters:
  // 1. Raw HTML is sanitized right after inline parsing (its rule sits after "inline"),
  //    before any plugin can add trusted HTML of its own.
  rawHtmlPlugin(md);
  // 2. attrs before the project plugins: its core rule must have moved `{gyazo=…}` onto
  //    the image token before the media and workflow rules look at it.
  attrsPlugin(md);
  for (const plugin of options.plugins ?? []) plugin(md);
  return md;
}
