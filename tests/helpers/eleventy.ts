/** Builds a site through Eleventy's programmatic API, as Eleventy's own tests do. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { configureSite, templateEngines } from "../../eleventy.config.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface BuiltPage {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
  content: string;
}

/**
 * Renders a site to memory. `root` defaults to this project; a fixture root must hold
 * `content/` and may rely on the project's `_includes/`.
 */
export async function buildToJson(root = projectRoot, options: PublishOptions = {}): Promise<BuiltPage[]> {
  const elev = await makeEleventy(root, mkdtempSync(join(tmpdir(), "site-")), options);
  return (await elev.toJSON()) as BuiltPage[];
}

/**
 * The site URL test builds publish under. A production build refuses the placeholder in
 * site.json (as `npm run build` does without SITE_URL); tests pass this one, as CI passes
 * the Pages URL. `.test` is reserved for testing (RFC 2606), so it is no real host.
 */
export const TEST_SITE_URL = "https://guide.test";

/** How a test build is published: `siteUrl` is `SITE_URL`, `pathPrefix` is `--pathprefix`. */
export interface PublishOptions {
  siteUrl?: string;
  pathPrefix?: string;
  /** Configures Eleventy further after the site (virtual templates: content/ holds Markdown only). */
  configure?: (eleventyConfig: EleventyConfig) => void;
}

/** Writes a site to a fresh temporary folder and returns its path. */
export async function buildToDir(
  root = projectRoot,
  output = mkdtempSync(join(tmpdir(), "site-")),
  options: PublishOptions = { siteUrl: TEST_SITE_URL },
): Promise<string> {
  await (await makeEleventy(root, output, options)).write();
  return output;
}

export async function makeEleventy(root: string, output: string, options: PublishOptions = {}) {
  const site = (eleventyConfig: EleventyConfig) => configureSite(eleventyConfig, { root, siteUrl: options.siteUrl });
  // Outside the CLI, the config's setOutputDirectory("_site") wins over the constructor's
  // output (ProjectDirectories freezes only for source "cli"); set it again last, or every
  // test build lands in the project's _site.
  const config = (eleventyConfig: EleventyConfig) => {
    site(eleventyConfig);
    options.configure?.(eleventyConfig);
    eleventyConfig.setOutputDirectory(output);
  };
  const elev = new Eleventy(undefined, output, { quietMode: true, configPath: false, config, pathPrefix: options.pathPrefix });
  // The programmatic API ignores a config callback's return value (Eleventy.js, "TODO use
  // return object here?"); initializeConfig takes the same settings as overrides.
  await elev.initializeConfig(templateEngines);
  return elev;
}
