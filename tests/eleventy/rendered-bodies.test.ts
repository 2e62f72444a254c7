/**
 * One render path (src/markdown/render-body.ts): the build serves the check's render of
 * each page, and every page is byte for byte what a build that renders afresh gives.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, test } from "vitest";
import { configureSite, templateEngines, type SiteParts } from "../../eleventy.config.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { projectRoot, type BuiltPage } from "../helpers/eleventy.ts";

/**
 * Builds this project to memory; `reuse: false` forgets every render, so each page renders
 * afresh; with a `cacheDir`, results are kept on disk there between builds.
 */
async function build(reuse: boolean, cacheDir?: string): Promise<{ pages: BuiltPage[]; parts: SiteParts }> {
  let parts!: SiteParts;
  const output = mkdtempSync(join(tmpdir(), "site-"));
  const config = (eleventyConfig: EleventyConfig) => {
    parts = configureSite(eleventyConfig, { root: projectRoot, cacheDir });
    if (!reuse) {
      const render = parts.bodies.render.bind(parts.bodies);
      parts.bodies.render = (input) => {
        parts.bodies.retain(new Set());
        return render(input);
      };
    }
    eleventyConfig.setOutputDirectory(output);
  };
  const elev = new Eleventy(undefined, output, { quietMode: true, configPath: false, config });
  await elev.initializeConfig(templateEngines);
  return { pages: (await elev.toJSON()) as BuiltPage[], parts };
}

describe("a build renders each page once", () => {
  test("every page is byte for byte what a fresh render gives, and no content page was rendered twice", async () => {
    const reused = await build(true);
    const fresh = await build(false);
    const byUrl = (pages: BuiltPage[]) => new Map(pages.map((p) => [String(p.url), p.content]));
    expect(byUrl(reused.pages)).toEqual(byUrl(fresh.pages));
    expect(reused.parts.bodies.counts.reused).toBeGreaterThanOrEqual(10);
    expect(fresh.parts.bodies.counts.reused).toBe(0);
    const seed = reused.pages.find((p) => p.url === "/ja/basic-workflows/sd15-lora/")!;
    expect(seed.content).toContain('id="loraとは"');
    expect(seed.content).toContain('class="toc"');
  });
});

describe("a build from the results a previous build kept on disk", () => {
  test("renders no page and parses no workflow, and every page is byte for byte a fresh build's", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "site-cache-"));
    const first = await build(true, cacheDir);
    expect(first.parts.bodies.counts.rendered).toBeGreaterThanOrEqual(10);
    const second = await build(true, cacheDir);
    expect(second.parts.bodies.counts.rendered).toBe(0);
    expect(second.parts.workflows.counts).toMatchObject({ parsed: 0, drawn: 0 });
    expect(second.parts.workflows.counts.fromDisk).toBeGreaterThanOrEqual(1);
    const fresh = await build(false);
    const byUrl = (pages: BuiltPage[]) => new Map(pages.map((p) => [String(p.url), p.content]));
    expect(byUrl(second.pages)).toEqual(byUrl(fresh.pages));
  });
});
