/** The two sites a runner can build: the project's production build, or bare Eleventy. */
import { relative } from "node:path";
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
      site.configureSite(c, { root, siteUrl: BENCH_SITE_URL });
      if (search) removePlugin(c, search);
      toOutput(c);
    };
    return { config, engines: { ...site.templateEngines } };
  }
  const bare = await import("./bare-site.ts");
  return { config: (c) => { bare.configureBare(c, { root }); toOutput(c); }, engines: { ...bare.bareTemplateEngines } };
}

/** Parses `--kind`. */
export function siteKind(value: string | undefined): SiteKind {
  if (value === "ours" || value === "bare") return value;
  throw new Error(`--kind must be "ours" or "bare", got ${value}`);
}
