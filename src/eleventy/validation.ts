/** Runs the content validation before Eleventy writes anything. */
import { relative, resolve, sep } from "node:path";
import { ContentError, formatDiagnostic, hasErrors } from "../diagnostics.ts";
import { PageCache } from "../check/page-cache.ts";
import { checkSite } from "../check/check-site.ts";
import type { SiteModel, SiteModelOptions } from "../check/site-model.ts";
import { devBanner } from "../site/dev-banner.ts";
import { SiteDiagnostics } from "./site-diagnostics.ts";
import type { EleventyConfig } from "./types.ts";

/** The latest validation's site model: the build renders its bodies from it. */
export interface ValidationState {
  /** The site as the latest validation read it. */
  model?: SiteModel;
  /** Run right after each check, before the rest of eleventy.before (`npm start`'s quick page update). */
  afterCheck?: Array<() => void>;
}

/** Validation settings, and where its findings go (a fresh {@link SiteDiagnostics} when absent). */
export type ValidationPluginOptions = SiteModelOptions & { state?: ValidationState; diagnostics?: SiteDiagnostics };

/**
 * A production build stops before writing a single file when the content has errors.
 * Under `--serve`/`--watch` the problems are recorded (layouts show them through the
 * `devBanner` filter) and the server keeps serving. The findings are exactly those of
 * `npm run check` (same list, same places). Unless a CLI reports them itself
 * (`reportedByCaller`), they are printed here. Each rebuild parses only the pages that
 * changed: the plugin keeps one {@link PageCache} per configured site.
 */
export default function validationPlugin(eleventyConfig: EleventyConfig, options: ValidationPluginOptions): void {
  const state: ValidationState = options.state ?? {};
  const diagnosticsState = options.diagnostics ?? new SiteDiagnostics(options.root);
  const cache = options.cache ?? new PageCache();
  let runMode: string | undefined;
  // Eleventy's inputPath is relative to the working directory; diagnostics name files from the root.
  const siteFile = (inputPath: string | undefined) => relative(options.root, resolve(inputPath ?? "")).split(sep).join("/");
  // What the dev banner shows on the page being rendered (src/site/dev-banner.ts); nothing in a production build.
  eleventyConfig.addFilter("devBanner", (inputPath: string) =>
    runMode === "build" ? undefined : devBanner(diagnosticsState.all(), siteFile(inputPath), diagnosticsState.urls, diagnosticsState.markers),
  );
  eleventyConfig.on("eleventy.before", (event: { runMode?: string }) => {
    runMode = event.runMode;
    const { model, diagnostics } = checkSite({ ...options, cache });
    state.model = model;
    diagnosticsState.content = diagnostics;
    diagnosticsState.files = model.pages.length;
    diagnosticsState.urls = new Map(model.pages.flatMap((p) => (p.url ? [[p.file, p.url] as const] : [])));
    diagnosticsState.markers = new Set(model.pages.flatMap((p) => (p.body?.markers ?? []).map((line) => `${p.file}:${line}`)));
    const devMode = runMode === "serve" || runMode === "watch";
    if (hasErrors(diagnostics) && !devMode) throw loggedOnce(new ContentError(diagnostics));
    if (!diagnosticsState.reportedByCaller) for (const d of diagnostics) console.warn(formatDiagnostic(d));
    for (const after of state.afterCheck ?? []) after();
  });
  eleventyConfig.on("eleventy.after", () => diagnosticsState.buildSucceeded());
}

/**
 * Eleventy's `write()` logs an error it catches (EleventyErrorHandler.once), and its CLI
 * (cmd.cjs) then logs the same error again with a fresh handler: every diagnostic was
 * printed twice. `once` skips an error flagged as already logged, which leaves the CLI's
 * single print (and its exit code 1); programmatic callers get the error, unprinted.
 */
function loggedOnce(error: ContentError): ContentError {
  Object.defineProperty(error, "__errorAlreadyLogged", { value: true });
  return error;
}
