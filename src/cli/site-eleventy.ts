/**
 * The project's site as an Eleventy instance, for `npm run build` and `npm start`: the
 * config of eleventy.config.ts for the site at `root`, writing to `output`, with Eleventy's
 * own chatter off (the CLIs print one report of their own).
 */
import { relative } from "node:path";
import Eleventy from "@11ty/eleventy";
import { configureSite, templateEngines, type SiteParts } from "../../eleventy.config.ts";
import { projectCacheDir } from "../util/disk-cache.ts";
import type { EleventyConfig } from "../eleventy/types.ts";

/** Which site, where to, and how Eleventy runs it. */
export interface SiteRunOptions {
  root: string;
  output: string;
  runMode: "build" | "serve";
  /** The public URL (`SITE_URL`); a production build refuses site.json's placeholder without it. */
  siteUrl?: string;
  /** Eleventy's path prefix, for a site served below `/` (`--pathprefix=/<repo>/`). */
  pathPrefix?: string;
  /** Extra configuration after the site's own (the dev server's middleware). */
  configure?: (eleventyConfig: EleventyConfig, parts: SiteParts) => void;
}

/** An Eleventy instance and the parts of its latest configuration (renewed when the config reloads). */
export interface SiteRun {
  elev: Eleventy;
  parts(): SiteParts;
}

/** Configures Eleventy for the site; nothing is built yet. */
export async function createSiteRun(options: SiteRunOptions): Promise<SiteRun> {
  let parts: SiteParts | undefined;
  const config = (eleventyConfig: EleventyConfig) => {
    parts = configureSite(eleventyConfig, { root: options.root, siteUrl: options.siteUrl, cacheDir: projectCacheDir(options.root) });
    parts.diagnostics.reportedByCaller = true;
    options.configure?.(eleventyConfig, parts);
    // Under the programmatic API a config's setOutputDirectory() beats the constructor's
    // output (Eleventy freezes directories only for its own CLI): set it again, last.
    eleventyConfig.setOutputDirectory(relative(process.cwd(), options.output) || ".");
  };
  const elev = new Eleventy(undefined, options.output, {
    quietMode: true,
    configPath: false,
    runMode: options.runMode,
    config,
    pathPrefix: options.pathPrefix,
  });
  // The programmatic API ignores a config callback's return value; these are its overrides.
  await elev.initializeConfig(templateEngines);
  elev.logger.overrideLogger(withoutProgressLines(console));
  return {
    elev,
    parts: () => {
      if (!parts) throw new Error("Eleventy has not run the site's configuration");
      return parts;
    },
  };
}

/** Eleventy's progress lines, which the CLIs replace with one summary line of their own. */
const PROGRESS_LINE = /Wrote \d+ files?|Copied \d+|Watching…|File (?:changed|added|deleted):|You saved while Eleventy was running|Benchmark /;

/** A console for Eleventy's logger that drops its progress lines and keeps everything else (its warnings). */
function withoutProgressLines(target: Console): Pick<Console, "log" | "warn" | "error" | "info"> {
  const keep = (write: (message: string) => void) => (message: string) => {
    if (!PROGRESS_LINE.test(String(message))) write(message);
  };
  return { log: keep(target.log), warn: keep(target.warn), error: keep(target.error), info: keep(target.info) };
}

/**
 * Routes Eleventy's error reports to `onError` instead of its console output (a chain of
 * wrapped messages and a stack trace). Eleventy 3.1 has no build-error event; every build
 * and watch error passes through its error handler's `error` method, so that is the seam.
 */
export function captureEleventyErrors(elev: Eleventy, onError: (error: unknown) => void): void {
  elev.errorHandler.error = (error: unknown) => onError(error);
}
