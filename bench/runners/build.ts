/**
 * Runner: one build of a corpus root, in its own process; ours without the search index,
 * which the Pagefind runner times on its own.
 * `node --import tsx build.ts --kind ours|bare --root <dir> --output <dir>` (cwd: the root).
 */
import { parseArgs } from "node:util";
import { reportResult } from "../child-process.ts";
import { loadSite, siteKind } from "../site-kinds.ts";

const { values } = parseArgs({ options: { kind: { type: "string" }, root: { type: "string" }, output: { type: "string" } } });
if (!values.root || !values.output) throw new Error("--root and --output are required");

const started = performance.now();
const { default: Eleventy } = await import("@11ty/eleventy");
const site = await loadSite(siteKind(values.kind), { root: values.root, output: values.output, searchIndex: false });
const elev = new Eleventy(undefined, values.output, { quietMode: true, configPath: false, config: site.config });
await elev.initializeConfig(site.engines);
await elev.write();
reportResult({ ms: performance.now() - started });
