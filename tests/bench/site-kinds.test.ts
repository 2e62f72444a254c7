import { describe, expect, test } from "vitest";
import { removePlugin, siteKind } from "../../bench/site-kinds.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";

describe("removePlugin", () => {
  const a = () => {};
  const b = () => {};

  test("takes exactly that plugin out of the queue Eleventy runs after the config callback", () => {
    const config = { plugins: [{ plugin: a }, { plugin: b }] } as unknown as EleventyConfig;
    removePlugin(config, b);
    expect((config as unknown as { plugins: unknown[] }).plugins).toEqual([{ plugin: a }]);
  });

  test("fails loudly when the plugin is not there, rather than measuring the wrong build", () => {
    const config = { plugins: [{ plugin: a }] } as unknown as EleventyConfig;
    expect(() => removePlugin(config, b)).toThrow(/search index plugin/);
  });
});

test("siteKind accepts ours and bare only", () => {
  expect(siteKind("ours")).toBe("ours");
  expect(siteKind("bare")).toBe("bare");
  expect(() => siteKind("full")).toThrow(/--kind/);
});

describe("the bare baseline (bench/sites/bare.config.mjs)", () => {
  test("passes mediaRow through as its Markdown body and maps every layout onto the one-line layout", async () => {
    const { configureBare } = await import("../../bench/sites/bare.config.mjs");
    const shortcodes = new Map<string, (content: string, ...args: unknown[]) => unknown>();
    const aliases: string[] = [];
    const config = {
      setNunjucksEnvironmentOptions() {},
      addPairedShortcode: (name: string, fn: (content: string) => unknown) => shortcodes.set(name, fn),
      addLayoutAlias: (from: string, to: string) => aliases.push(`${from}→${to}`),
      setInputDirectory() {},
      setIncludesDirectory() {},
      setDataDirectory() {},
    } as unknown as EleventyConfig;
    configureBare(config, { root: "/corpus" });
    expect(shortcodes.get("mediaRow")!("Some **Markdown**", { img: "https://gyazo.com/x" })).toBe("Some **Markdown**");
    expect(aliases).toEqual(["page.njk→bare.njk", "home.njk→bare.njk", "section.njk→bare.njk", "base.njk→bare.njk"]);
  });
});
