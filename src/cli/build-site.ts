/**
 * One production build of a site into a fresh folder, published over the output only when
 * it fully succeeded (src/build/output-slot.ts). The logic of `npm run build`, callable
 * in-process (the check/build parity test).
 */
import { openOutputSlot, type OutputSlot } from "../build/output-slot.ts";
import { hasErrors, type Diagnostic } from "../diagnostics.ts";
import { captureEleventyErrors, createSiteRun } from "./site-eleventy.ts";

/** What a build found, and whether it replaced the output. */
export interface BuildOutcome {
  published: boolean;
  /** The same findings `npm run check` reports, plus Eleventy's own errors when it failed. */
  diagnostics: Diagnostic[];
  /** Content files checked. */
  files: number;
}

/** How the site is published: `SITE_URL` and `--pathprefix`. */
export interface PublishOptions {
  siteUrl?: string;
  pathPrefix?: string;
}

/** Builds the site at `root` and publishes it at `output`; `onSlot` sees the staging folder first (signals). */
export async function buildSite(root: string, output: string, publish: PublishOptions = {}, onSlot?: (slot: OutputSlot) => void): Promise<BuildOutcome> {
  const slot = openOutputSlot(output);
  onSlot?.(slot);
  let failure: unknown;
  try {
    const run = await createSiteRun({ root, output: slot.staging, runMode: "build", ...publish });
    captureEleventyErrors(run.elev, (error) => (failure ??= error));
    try {
      await slot.ready();
      await run.elev.write();
    } catch (error) {
      failure ??= error;
    }
    const state = run.parts().diagnostics;
    if (failure) state.buildFailed(failure);
    const diagnostics = state.all();
    const published = !failure && !hasErrors(diagnostics);
    if (published) slot.publish();
    return { published, diagnostics, files: state.files };
  } finally {
    slot.discard();
    await slot.removals();
  }
}
