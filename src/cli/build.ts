/**
 * `npm run build`: the production build. Eleventy writes into a fresh folder beside
 * `_site`; only a build that fully succeeded replaces the site (src/build/output-slot.ts),
 * so `_site` is always exactly one complete build: pages deleted from `content/` are gone,
 * and a failed or killed build leaves the previous site as it was. Prints the same
 * findings as `npm run check` (src/check/report.ts), then exits with no helper process
 * left running. The public URL comes from `SITE_URL`; `--pathprefix=/<repo>/` publishes
 * below `/`; `--root <dir>` builds another site tree, `--output <dir>` elsewhere.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { OutputSlot } from "../build/output-slot.ts";
import { formatReport } from "../check/report.ts";
import { buildSite } from "./build-site.ts";
import { stopChildProcesses } from "./child-processes.ts";

const { values } = parseArgs({
  options: { root: { type: "string", default: "." }, output: { type: "string", default: "_site" }, pathprefix: { type: "string" } },
});
const root = resolve(values.root!);

// Ctrl-C or a SIGTERM mid-build: drop the half-written folder, keep the previous site.
const onSlot = (slot: OutputSlot) => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      slot.discard();
      void stopChildProcesses().finally(() => process.exit(130));
    });
  }
};

const publish = { siteUrl: process.env.SITE_URL || undefined, pathPrefix: values.pathprefix };
const outcome = await buildSite(root, resolve(root, values.output!), publish, onSlot);
const report = formatReport(outcome.diagnostics, outcome.files, "text");
if (outcome.published) {
  // performance.now() counts from the process's start: the whole command, start-up included.
  const seconds = (performance.now() / 1000).toFixed(2);
  process.stdout.write(`${report}\nbuilt ${values.output} in ${seconds} s\n`);
} else {
  process.stderr.write(`${report}\nbuild failed; ${values.output} still holds the previous build\n`);
  process.exitCode = 1;
}
await stopChildProcesses();
