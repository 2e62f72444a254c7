/**
 * The sites the benchmark builds: the project's production build (with or without its
 * search step), or bare Eleventy; in a runner (dev server, profile) or as the command a
 * user would run.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { compiledEntry } from "../src/cli/run-compiled.mjs";
import { projectCacheDir } from "../src/util/disk-cache.ts";
import type { EleventyConfig } from "../src/eleventy/types.ts";

/** The public URL the benchmark's production builds use (`.test` is reserved for testing). */
export const BENCH_SITE_URL = "https://bench.test";

/** "ours": the production build; "bare": the baseline in bare-site.ts. */
export type SiteKind = "ours" | "bare";

/** An Eleventy config callback plus the settings Eleventy only takes as overrides. */
export interface LoadedSite {
  config: (eleventyConfig: EleventyConfig) => void;
  engines: Record<string, string | false>;
}

/** What a runner builds, and where to. */
export interface LoadOptions {
  root: string;
  output: string;
  /** Keep the project's Pagefind step (the dev server runs it; the build benchmark times it apart). */
  searchIndex: boolean;
}

/**
 * Takes a plugin back out of a config before Eleventy runs it. Plugins added inside a
 * config callback wait in `eleventyConfig.plugins` until the callback returns (UserConfig
 * in Eleventy 3.1). Throws when the plugin is not there, so a renamed or moved plugin can
 * never be measured by accident.
 */
export function removePlugin(eleventyConfig: EleventyConfig, plugin: unknown): void {
  const queued = (eleventyConfig as { plugins?: { plugin: unknown }[] }).plugins ?? [];
  const at = queued.findIndex((entry) => entry.plugin === plugin);
  if (at < 0) throw new Error("the site's config does not add the search index plugin any more; update bench/site-kinds.ts");
  queued.splice(at, 1);
}

/**
 * Imports a site's config lazily, so the import (for ours: every plugin, compiled by tsx)
 * counts in the build time, as it does in `npm run build`. The site writes to `output`.
 */
export async function loadSite(kind: SiteKind, options: LoadOptions): Promise<LoadedSite> {
  const { root, output } = options;
  // Under the programmatic API a config's setOutputDirectory() beats the constructor's
  // output argument (Eleventy freezes directories only for the CLI), so set it last.
  const toOutput = (c: EleventyConfig) => c.setOutputDirectory(relative(process.cwd(), output));
  if (kind === "ours") {
    const site = await import("../eleventy.config.ts");
    const search = options.searchIndex ? undefined : (await import("../src/eleventy/search-index.ts")).default;
    const config = (c: EleventyConfig) => {
      // The seed's site.json keeps the placeholder URL, which a production build refuses.
      // Results kept in the corpus's `.cache/`, as `npm run build` keeps them.
      site.configureSite(c, { root, siteUrl: BENCH_SITE_URL, cacheDir: projectCacheDir(root) });
      if (search) removePlugin(c, search);
      toOutput(c);
    };
    return { config, engines: { ...site.templateEngines } };
  }
  const bare = await import("./sites/bare.config.mjs");
  return { config: (c) => { bare.configureBare(c, { root }); toOutput(c); }, engines: { ...bare.bareTemplateEngines } };
}

/** A whole-process build: ours as `npm run build` runs it, ours without search, or bare Eleventy. */
export type BuildCommandKind = "ours" | "ours-no-search" | "bare";

// The files package.json's scripts and `npx` run (none of them is in the packages' exports).
const installed = (path: string) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));
const ELEVENTY_CLI = installed("@11ty/eleventy/cmd.cjs");
const PAGEFIND_CLI = installed("pagefind/lib/runner/bin.cjs");
const RUN_COMPILED = fileURLToPath(new URL("../src/cli/run-compiled.mjs", import.meta.url));

/**
 * The command line of a build, run from the corpus root: ours exactly as `npm run build`
 * (`node src/cli/run-compiled.mjs --once src/cli/build.ts`), ours without search as the Eleventy
 * CLI on the same compiled config minus the search plugin (compiled here, before the
 * clock starts, as a second `npm run build` finds it), bare with plain Node as a stock
 * JavaScript site. npm's own start-up is left out of all of them.
 */
export async function buildCommand(kind: BuildCommandKind, output: string): Promise<{ command: string; args: string[] }> {
  if (kind === "ours") return { command: process.execPath, args: [RUN_COMPILED, "--once", "src/cli/build.ts", "--root", ".", "--output", output] };
  const config = kind === "bare"
    ? fileURLToPath(new URL("./sites/bare.config.mjs", import.meta.url))
    : await compiledEntry("bench/sites/ours-no-search.config.ts");
  return { command: process.execPath, args: [ELEVENTY_CLI, `--config=${config}`, `--output=${output}`] };
}

/** `npx pagefind --site <dir>` without npx's own start-up: the package's CLI, which runs its (extended) binary. */
export function pagefindCommand(site: string): { command: string; args: string[] } {
  return { command: process.execPath, args: [PAGEFIND_CLI, "--site", site] };
}

/** Parses `--kind`. */
export function siteKind(value: string | undefined): SiteKind {
  if (value === "ours" || value === "bare") return value;
  throw new Error(`--kind must be "ours" or "bare", got ${value}`);
}
