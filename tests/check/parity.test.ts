/**
 * One set of diagnostics: for every case of the bad-input corpus, `npm run check`, the
 * production build and the dev server's build report the same findings (rule, file,
 * line, column, severity and message), Eleventy's own errors included.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { buildSite } from "../../src/cli/build-site.ts";
import { captureEleventyErrors, createSiteRun } from "../../src/cli/site-eleventy.ts";
import { validateSite } from "../helpers/render.ts";
import { projectRoot, TEST_SITE_URL } from "../helpers/eleventy.ts";

const corpus = fileURLToPath(new URL("corpus/", import.meta.url));
const clean = fileURLToPath(new URL("corpus-clean/", import.meta.url));

function siteFor(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `parity-${name}-`));
  cpSync(clean, root, { recursive: true });
  cpSync(join(corpus, name), root, { recursive: true, filter: (src) => !src.endsWith("expected.json") });
  const spec = JSON.parse(readFileSync(join(corpus, name, "expected.json"), "utf8")) as { remove?: string[] };
  for (const path of spec.remove ?? []) rmSync(join(root, path));
  return root;
}

/** What the dev server's build reports: the check's findings and Eleventy's errors, after one build. */
async function devDiagnostics(root: string) {
  const run = await createSiteRun({ root, output: join(root, "_dev"), runMode: "serve" });
  let failure: unknown;
  captureEleventyErrors(run.elev, (error) => (failure ??= error));
  await run.elev.write().catch((error: unknown) => (failure ??= error));
  const state = run.parts().diagnostics;
  if (failure) state.buildFailed(failure);
  return state.all();
}

describe("check, build and dev server agree", () => {
  test("on this project's own site: unknown media sizes are one finding per image in both", async () => {
    const checked = validateSite(projectRoot);
    const output = join(mkdtempSync(join(tmpdir(), "parity-project-")), "_site");
    const built = await buildSite(projectRoot, output, { siteUrl: TEST_SITE_URL });
    expect(built.diagnostics).toEqual(checked);
    expect(built.diagnostics.filter((d) => d.rule === "media/size-unknown").every((d) => d.file.endsWith(".md"))).toBe(true);
  });

  test.each(readdirSync(corpus).sort())("%s", async (name) => {
    // The temporary site is left for the OS to clean: a dev build that failed may still be
    // copying passthrough files into it after write() rejected, and removing the folder
    // then would surface as an unhandled rejection in a later test.
    const root = siteFor(name);
    const checked = validateSite(root);
    const built = await buildSite(root, join(root, "_site"), { siteUrl: TEST_SITE_URL });
    expect(built.diagnostics).toEqual(checked);
    expect(await devDiagnostics(root)).toEqual(checked);
  });
});
