import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, test } from "vitest";
import { configureSite, templateEngines, type SiteParts } from "../../eleventy.config.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { isPlainForNunjucks, RenderedBodies } from "../../src/markdown/rendered-bodies.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { projectRoot, type BuiltPage } from "../helpers/eleventy.ts";

const md = createMarkdown({ root: projectRoot });

describe("RenderedBodies", () => {
  const file = "content/ja/guide/a.md";
  const kept = () => {
    const bodies = new RenderedBodies();
    bodies.keep(resolve(file), "# A\n", { lang: "ja", toc: [{ level: 2, id: "x", text: "x" }] }, "<p>kept</p>");
    return bodies;
  };

  test("serves the kept HTML once, for the same page, text and language, with its TOC", () => {
    const bodies = kept();
    const env = { lang: "ja", page: { inputPath: `./${file}` } } as Record<string, unknown>;
    expect(bodies.render(md, "# A\n", env)).toBe("<p>kept</p>");
    expect(env.toc).toEqual([{ level: 2, id: "x", text: "x" }]);
    expect(bodies.render(md, "# A\n", env)).toContain("<h1");
    expect(bodies.counts).toEqual({ reused: 1, rendered: 1 });
  });

  test.each([
    ["other text", "# B\n", "ja", file],
    ["another language", "# A\n", "en", file],
    ["another page", "# A\n", "ja", "content/ja/guide/b.md"],
  ])("renders afresh for %s", (_, src, lang, inputPath) => {
    const bodies = kept();
    expect(bodies.render(md, src, { lang, page: { inputPath } })).not.toBe("<p>kept</p>");
    expect(bodies.counts.reused).toBe(0);
  });

  test("a body with Nunjucks tags is not plain", () => {
    expect(isPlainForNunjucks("text {#id} and {gyazo=image}")).toBe(true);
    for (const body of ["{{ lang }}", "{% mediaRow %}", "{## note ##}"]) expect(isPlainForNunjucks(body)).toBe(false);
  });
});

/** Builds this project to memory; `reuse: false` keeps nothing, so every page renders afresh. */
async function build(reuse: boolean): Promise<{ pages: BuiltPage[]; parts: SiteParts }> {
  let parts!: SiteParts;
  const output = mkdtempSync(join(tmpdir(), "site-"));
  const config = (eleventyConfig: EleventyConfig) => {
    parts = configureSite(eleventyConfig, { root: projectRoot });
    if (!reuse) parts.rendered.keep = () => {};
    eleventyConfig.setOutputDirectory(output);
  };
  const elev = new Eleventy(undefined, output, { quietMode: true, configPath: false, config });
  await elev.initializeConfig(templateEngines);
  return { pages: (await elev.toJSON()) as BuiltPage[], parts };
}

describe("a build reuses the check's parse", () => {
  test("every page is byte for byte what a fresh render gives, and the plain pages were not rendered twice", async () => {
    const reused = await build(true);
    const fresh = await build(false);
    const byUrl = (pages: BuiltPage[]) => new Map(pages.map((p) => [String(p.url), p.content]));
    expect(byUrl(reused.pages)).toEqual(byUrl(fresh.pages));
    // The seed page and the other content pages have no Nunjucks tags in their bodies.
    expect(reused.parts.rendered.counts.reused).toBeGreaterThanOrEqual(10);
    expect(fresh.parts.rendered.counts.reused).toBe(0);
    const seed = reused.pages.find((p) => p.url === "/ja/basic-workflows/sd15-lora/")!;
    expect(seed.content).toContain('id="loraとは"');
  });
});
