/**
 * Binds the one body render path (src/markdown/render-body.ts) to Eleventy: page bodies
 * are Markdown only, never templates, and Eleventy's Markdown engine renders them through
 * the same {@link BodyRenderer} the content check used, with the same input.
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pageVariables } from "../content/page-variables.ts";
import { parseSource } from "../content/source.ts";
import { placeOf } from "../content/page-identity.ts";
import { dependencyStamp } from "../check/page-cache.ts";
import type { SiteModel } from "../check/site-model.ts";
import { localeCodes } from "../i18n/locale.ts";
import type { BodyRenderer, RenderedBody } from "../markdown/render-body.ts";
import type { BodyInput } from "../markdown/render-env.ts";
import { projectRelativePath } from "../util/url-path.ts";
import type { EleventyConfig } from "./types.ts";

/** Layouts write Nunjucks comments as `{## … ##}`, the form they have always used. */
export const NUNJUCKS_TAGS = { commentStart: "{##", commentEnd: "##}" } as const;

/** What the plugin needs: the renderer, where content is, and the check's latest model. */
export interface MarkdownPluginOptions {
  bodies: BodyRenderer;
  root: string;
  contentDir: string;
  /** The site model of the validation that ran before this build (src/eleventy/validation.ts). */
  model: () => SiteModel | undefined;
}

/** Eleventy's page data, as far as the render needs it. */
interface PageData {
  page?: { inputPath?: string };
}

/**
 * The render input of the page at `inputPath` (relative to the working directory) whose
 * body Eleventy read as `body`: the check's input when it parsed this very body, else one
 * made the same way from the file.
 */
export function bodyInputOf(options: Omit<MarkdownPluginOptions, "bodies">, inputPath: string, body: string): BodyInput {
  const absolute = resolve(inputPath);
  const file = projectRelativePath(options.root, absolute);
  const checked = options.model()?.pages.find((page) => page.file === file);
  if (checked?.source?.body === body && checked.body) {
    return { file, body, bodyLineOffset: checked.source.bodyLineOffset, variables: pageVariables(checked, checked.data) };
  }
  const source = parseSource(file, readFileSync(absolute, "utf8"));
  const place = placeOf(relative(resolve(options.root, options.contentDir), absolute), localeCodes());
  return { file, body, bodyLineOffset: source.bodyLineOffset, variables: pageVariables(place, source.data) };
}

/** Refuses changes to the library Eleventy holds: they would be missing from the check's renders. */
function refuse(what: string): never {
  throw new Error(`${what} on Eleventy's Markdown library is not supported: add markdown-it plugins in src/markdown/create-markdown.ts, so that the check and the build render alike`);
}

/** The Markdown library Eleventy renders page bodies with. */
export function markdownLibrary(options: MarkdownPluginOptions, rendered: (inputPath: string, body: RenderedBody) => void) {
  return {
    render(body: string, data: PageData): string {
      const inputPath = data.page?.inputPath;
      if (!inputPath) throw new Error("Eleventy rendered Markdown without a page: page bodies render through src/markdown/render-body.ts");
      const result = options.bodies.render(bodyInputOf(options, inputPath, body));
      rendered(inputPath, result);
      return result.html;
    },
    use: () => refuse("amendLibrary/use"),
    set: () => refuse("set"),
  };
}

/** Markdown bodies through the one render path; `onRender` hears of each page's render. */
export default function markdownPlugin(
  eleventyConfig: EleventyConfig,
  options: MarkdownPluginOptions & { onRender?: (inputPath: string, body: RenderedBody) => void },
): void {
  eleventyConfig.setNunjucksEnvironmentOptions({ tags: NUNJUCKS_TAGS });
  // Before anything renders: a changed workflow, image or media file invalidates every kept render.
  // The dev server's renders mark failed blocks in place; a production build fails instead.
  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode?: string }) => {
    options.bodies.dev = runMode === "serve" || runMode === "watch";
    options.bodies.begin(dependencyStamp(options.root, options.contentDir));
  });
  eleventyConfig.setLibrary("md", markdownLibrary(options, options.onRender ?? (() => {})));
}
