/** Runs the content validation before Eleventy writes anything. */
import { ContentError, formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.ts";
import { PageCache } from "../check/page-cache.ts";
import { checkSite } from "../check/check-site.ts";
import type { SiteModel, SiteModelOptions } from "../check/site-model.ts";
import { groupSizeWarnings } from "../media/size-warnings.ts";
import type { EleventyConfig } from "./types.ts";

/** Diagnostics of the latest validation, for layouts to show during development. */
export interface ValidationState {
  diagnostics: Diagnostic[];
  /** The site as the latest validation read it; the build renders its bodies from it. */
  model?: SiteModel;
}

/**
 * A production build stops before writing a single file when the content has errors.
 * Under `--serve`/`--watch` the problems are printed (and shown on every page through
 * the `contentDiagnostics` global) and the server keeps serving. Each rebuild parses only
 * the pages that changed: the plugin keeps one {@link PageCache} per configured site
 * (`options.cache`, when given, is used instead; tests read its counts).
 */
export default function validationPlugin(
  eleventyConfig: EleventyConfig,
  options: SiteModelOptions & { state?: ValidationState },
): void {
  const state: ValidationState = options.state ?? { diagnostics: [] };
  const cache = options.cache ?? new PageCache();
  eleventyConfig.addGlobalData("contentDiagnostics", () => state.diagnostics);
  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode?: string }) => {
    // One warning lists every Gyazo id without a recorded size, instead of one per image.
    const { model, diagnostics } = checkSite({ ...options, cache });
    state.model = model;
    state.diagnostics = groupSizeWarnings(sortDiagnostics(diagnostics));
    if (state.diagnostics.length === 0) return;
    const devMode = runMode === "serve" || runMode === "watch";
    if (hasErrors(state.diagnostics) && !devMode) throw loggedOnce(new ContentError(state.diagnostics));
    for (const d of state.diagnostics) console.warn(formatDiagnostic(d));
  });
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
