/** Builds a site through Eleventy's programmatic API, as Eleventy's own tests do. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import siteConfig, { configureSite, templateEngines } from "../../eleventy.config.ts";
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
export async function buildToJson(root = projectRoot): Promise<BuiltPage[]> {
  const elev = await makeEleventy(root, mkdtempSync(join(tmpdir(), "site-")));
  return (await elev.toJSON()) as BuiltPage[];
}

/** Writes a site to a fresh temporary folder and returns its path. */
export async function buildToDir(root = projectRoot, output = mkdtempSync(join(tmpdir(), "site-"))): Promise<string> {
  await (await makeEleventy(root, output)).write();
  return output;
}

async function makeEleventy(root: string, output: string) {
  const site =
    root === projectRoot
      ? siteConfig
      : (eleventyConfig: EleventyConfig) => configureSite(eleventyConfig, { root });
  // Outside the CLI, the config's setOutputDirectory("_site") wins over the constructor's
  // output (ProjectDirectories freezes only for source "cli"); set it again last, or every
  // test build lands in the project's _site.
  const config = (eleventyConfig: EleventyConfig) => {
    site(eleventyConfig);
    eleventyConfig.setOutputDirectory(output);
  };
  const elev = new Eleventy(undefined, output, { quietMode: true, configPath: false, config });
  // The programmatic API ignores a config callback's return value (Eleventy.js, "TODO use
  // return object here?"); initializeConfig takes the same settings as overrides.
  await elev.initializeConfig(templateEngines);
  return elev;
}
