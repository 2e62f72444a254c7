/**
 * Content is data (#15): no page can run code on the build machine. Each vector tries to
 * write a marker file; the site is built in watch mode, where content errors do not stop
 * the build, so what stops the code is the design (Markdown-only bodies, YAML-only front
 * matter without Eleventy's processing keys, permalinks that are not templates), not the check.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, test } from "vitest";
import { configureSite, templateEngines } from "../../eleventy.config.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { page, writeSite } from "../helpers/fixture-site.ts";
import type { BuiltPage } from "../helpers/eleventy.ts";
import { validateSite } from "../helpers/render.ts";

const marker = () => join(mkdtempSync(join(tmpdir(), "marker-")), "ran");
const attack = (path: string) => `{{ range.constructor("return process.getBuiltinModule('fs').writeFileSync('${path}', 'x')")() }}`;
const front = { layout: "page.njk", lang: "ja", slug: "a", title: "A", summary: "s", permalink: "/ja/s/a/" };

async function watchBuild(root: string): Promise<BuiltPage[]> {
  const output = mkdtempSync(join(tmpdir(), "site-"));
  const config = (eleventyConfig: EleventyConfig) => {
    configureSite(eleventyConfig, { root });
    eleventyConfig.setOutputDirectory(output);
  };
  const elev = new Eleventy(undefined, output, { quietMode: true, configPath: false, config, runMode: "watch" } as never);
  await elev.initializeConfig(templateEngines);
  return (await elev.toJSON()) as BuiltPage[];
}

describe("a page cannot run code", () => {
  test("a Nunjucks expression in the body is shown as text and reported", async () => {
    const path = marker();
    const root = writeSite({ "content/ja/s/a.md": page(front, `Hello ${attack(path)}\n`) });
    const built = (await watchBuild(root)).find((p) => p.url === "/ja/s/a/")!;
    expect(existsSync(path)).toBe(false);
    expect(built.content).toContain("range.constructor(");
    expect(validateSite(root).filter((d) => d.severity === "error").map((d) => [d.rule, d.line])).toEqual([["template/unknown-tag", 9]]);
  });

  test("a permalink is not a template", async () => {
    const path = marker();
    const root = writeSite({ "content/ja/s/a.md": page({ ...front, permalink: `/ja/s/${attack(path)}/` }, "Body\n") });
    const pages = await watchBuild(root);
    expect(existsSync(path)).toBe(false);
    expect(pages.some((p) => p.url === "/ja/s/a/")).toBe(true);
    expect(validateSite(root).map((d) => d.rule)).toContain("front-matter/permalink");
  });

  test("eleventyComputed and templateEngineOverride in front matter are ignored by Eleventy", async () => {
    const path = marker();
    const computed = `---\nlayout: page.njk\nlang: ja\nslug: a\ntitle: A\nsummary: s\npermalink: /ja/s/a/\ntemplateEngineOverride: njk,md\neleventyComputed:\n  title: "${attack(path).replace(/"/g, '\\"')}"\n---\n${attack(path)}\n`;
    const root = writeSite({ "content/ja/s/a.md": computed });
    const built = (await watchBuild(root)).find((p) => p.url === "/ja/s/a/")!;
    expect(existsSync(path)).toBe(false);
    expect(built.content).toContain("<title>A");
  });

  test("---js front matter is refused by the check and by Eleventy, and never evaluated", async () => {
    const path = marker();
    const js = `---js\n{ title: (process.getBuiltinModule('fs').writeFileSync('${path}', 'x'), "A") }\n---\nBody\n`;
    const root = writeSite({ "content/ja/s/a.md": js });
    expect(validateSite(root).map((d) => d.rule)).toContain("front-matter/yaml");
    await expect(watchBuild(root)).rejects.toThrow();
    expect(existsSync(path)).toBe(false);
  });
});
