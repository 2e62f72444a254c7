/**
 * `npm start`: builds the site, serves it with live reload and rebuilds on every save.
 * Every finding, the content check's and Eleventy's own (front matter it cannot read, a
 * nav file that is not JSON, a broken layout), is printed once as `path:line:col:
 * severity: message (rule-id)`; each rebuild ends with one summary line. While a build
 * has failed, every served page carries an overlay naming the errors (src/eleventy/
 * dev-overlay.ts); it goes when a build succeeds. Ctrl-C or SIGTERM stops the server and
 * every helper process. It writes `_site.dev/`, never the production build's `_site/`.
 * Options: `--port 8080`, `--incremental`, `--pathprefix=/<repo>/`, `--root <dir>`,
 * `--output <dir>`.
 */
import { existsSync, rmSync, watch } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { overlayMiddleware } from "../eleventy/dev-overlay.ts";
import { stopChildProcesses } from "./child-processes.ts";
import { DevRebuilds } from "./dev-rebuilds.ts";
import { DevTerminal } from "./dev-terminal.ts";
import { captureEleventyErrors, createSiteRun, type SiteRun } from "./site-eleventy.ts";

/** Where `npm start` writes the pages it serves (git-ignored, beside `_site`). */
const DEV_OUTPUT = "_site.dev";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    root: { type: "string", default: "." },
    // Never `_site`: that is the production build, and a dev page (banner, local URLs) must not be deployed.
    output: { type: "string", default: DEV_OUTPUT },
    incremental: { type: "boolean", default: false },
    pathprefix: { type: "string" },
  },
});
const root = resolve(values.root!);
// Eleventy never deletes: what an earlier session wrote (a page deleted since) would be served.
// Only the default folder is cleared; an `--output` the author chose is theirs.
if (values.output === DEV_OUTPUT) rmSync(resolve(root, DEV_OUTPUT), { recursive: true, force: true });
/** Layouts and site code come from this project whatever the root. */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// Eleventy's watcher maps a saved file to its template only when everything it watches
// (the site, and this project's layouts and scripts) is below the working directory.
process.chdir(commonAncestor(root, projectRoot));
function commonAncestor(a: string, b: string): string {
  const [pa, pb] = [a.split(sep), b.split(sep)];
  let n = 0;
  while (n < pa.length && pa[n] === pb[n]) n++;
  return pa.slice(0, n).join(sep) || sep;
}

const terminal = new DevTerminal((text) => process.stdout.write(text));
let started = performance.now();

/**
 * One Eleventy for the site, reporting into the terminal and the overlay. `afterFailure`:
 * an earlier instance failed; Eleventy's template cache is process-wide and would hand
 * this one the file contents that failed, so it reads files afresh.
 */
async function startEleventy(afterFailure: boolean): Promise<SiteRun> {
  // `--incremental` always writes the saved page only; the default follows with the whole site when needed.
  const rebuilds = values.incremental ? undefined : new DevRebuilds(root, values.pathprefix);
  currentRebuilds = rebuilds;
  const run = await createSiteRun({
    root,
    output: resolve(root, values.output!),
    runMode: "serve",
    siteUrl: process.env.SITE_URL || undefined,
    pathPrefix: values.pathprefix,
    configure(eleventyConfig, parts) {
      if (afterFailure) eleventyConfig.setUseTemplateCache(false);
      rebuilds?.configure(eleventyConfig, parts);
      // Eleventy waits until a saved file has not grown for 150 ms; editors write a page at
      // once, and 50 ms still covers a save in a few chunks.
      eleventyConfig.setChokidarConfig?.({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
      eleventyConfig.setServerOptions({ middleware: [overlayMiddleware(() => parts.diagnostics)] });
      // Passthrough copy (previews, the site's own assets) is served from its source, so a
      // deleted workflow's preview is gone with it instead of lingering in the output folder.
      eleventyConfig.setServerPassthroughCopyBehavior?.("passthrough");
      // A rebuild is timed from the save Eleventy reported (the page may be shown before eleventy.before).
      eleventyConfig.on("eleventy.before", () => (started = rebuilds?.savedAt ?? performance.now()));
      eleventyConfig.on("eleventy.after", ({ results }: { results?: Array<{ outputPath?: string | false }> }) => {
        // Plugins' listeners run after this config's own (addPlugin defers them): clear the failure here too.
        parts.diagnostics.buildSucceeded();
        const pages = (results ?? []).filter((r) => typeof r.outputPath === "string" && r.outputPath.endsWith(".html")).length;
        const shownMs = rebuilds?.patchedAt === undefined ? undefined : rebuilds.patchedAt - started;
        terminal.report(parts.diagnostics.all(), { pages, ms: performance.now() - started, ...(shownMs === undefined ? {} : { shownMs }) });
      });
    },
  });
  if (values.incremental) (run.elev as unknown as { setIncrementalBuild(on: boolean): void }).setIncrementalBuild(true);
  rebuilds?.attach(run.elev as unknown as Parameters<DevRebuilds["attach"]>[0]);
  captureEleventyErrors(run.elev, (error) => {
    const state = run.parts().diagnostics;
    state.buildFailed(error);
    terminal.report(state.all(), { ms: performance.now() - started });
  });
  await run.elev.init();
  await run.elev.serve(Number(values.port));
  return run;
}

let current: SiteRun | undefined;
let currentRebuilds: DevRebuilds | undefined;
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await current?.elev.stopWatch().catch(() => {});
  await stopChildProcesses();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
// `npm start` runs this under `sh -c`, which dies on the SIGTERM npm forwards without
// passing it on: when the launcher is gone (re-parented), stop as if signalled.
const launcher = process.ppid;
setInterval(() => process.ppid !== launcher && void stop(), 250).unref();

/** Resolves on the next change under the site's folders or this project's layouts and code. */
function nextChange(): Promise<void> {
  const dirs = [join(root, "content"), join(root, "workflows"), join(projectRoot, "_includes"), join(projectRoot, "src")];
  return new Promise((done) => {
    const watchers = dirs.filter((dir) => existsSync(dir)).map((dir) =>
      watch(dir, { recursive: true }, () => {
        for (const w of watchers) w.close();
        done();
      }).on("error", () => {}),
    );
  });
}

/**
 * Eleventy starts watching only after a first build that succeeded, and keeps what it
 * read of a failed one. A site broken at start-up is served (with the overlay) and, on
 * each save, built by a fresh Eleventy on the same port until a build succeeds; from
 * then on Eleventy's own watcher rebuilds.
 */
for (let attempt = 0; ; attempt++) {
  current = await startEleventy(attempt > 0);
  if (await current.elev.watch().then(() => true, () => false)) break;
  await nextChange();
  // Saves come in bursts (an editor writes, then renames): let them settle first.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await current.elev.stopWatch();
}
// Eleventy 3 notes a deleted file but does not rebuild: a deleted page, image or workflow
// would stay in the nav and in the pages that link it. A deletion is rebuilt as a change.
const watcher = (current.elev as unknown as { watcher?: { on(event: "unlink", fn: (path: string) => void): void; emit(event: "change", path: string): unknown } }).watcher;
watcher?.on("unlink", (path) => watcher.emit("change", path));
// A body-only save is shown as Eleventy reports it, before the rebuild.
currentRebuilds?.watching();
