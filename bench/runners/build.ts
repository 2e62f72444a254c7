/**
 * Runner: one build of a corpus root, in its own process (the seed page's build, and
 * `--profile`); ours without the search index unless `--search`. With `--phases`, the
 * build is split into phases (bench/build-phases.ts).
 * `node --import tsx build.ts --kind ours|bare --root <dir> --output <dir> [--search] [--phases]` (cwd: the root).
 */
import { parseArgs } from "node:util";
import { PhaseClock } from "../build-phases.ts";
import { reportResult } from "../child-process.ts";
import { loadSite, siteKind } from "../site-kinds.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";

const { values } = parseArgs({
  options: { kind: { type: "string" }, root: { type: "string" }, output: { type: "string" }, search: { type: "boolean" }, phases: { type: "boolean" } },
});
if (!values.root || !values.output) throw new Error("--root and --output are required");

const clock = values.phases ? new PhaseClock() : undefined;
const { default: Eleventy } = await import("@11ty/eleventy");
const site = await loadSite(siteKind(values.kind), { root: values.root, output: values.output, searchIndex: values.search ?? false });
const config = (eleventyConfig: EleventyConfig) => {
  clock?.instrument(eleventyConfig);
  site.config(eleventyConfig);
};
const elev = new Eleventy(undefined, values.output, { quietMode: true, configPath: false, config });
await elev.initializeConfig(site.engines);
// performance.now() counts from the process's start: Node, tsx, Eleventy and the config are all before this.
const writeStart = performance.now();
await elev.write();
const writeEnd = performance.now();
// `ms`: from the process's start to the last file written.
reportResult({ ms: writeEnd, phases: clock?.phases(writeStart, writeEnd) });
