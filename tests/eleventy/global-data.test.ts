import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, test } from "vitest";
import { configureSite, templateEngines } from "../../eleventy.config.ts";
import { deepFreeze } from "../../src/eleventy/global-data.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { fixtureFiles, writeSite } from "../helpers/fixture-site.ts";

describe("deepFreeze", () => {
  test("freezes nested objects and arrays", () => {
    const data = deepFreeze({ sections: [{ id: "a", items: [{ id: "b" }] }] });
    expect(Object.isFrozen(data.sections[0]!.items[0])).toBe(true);
    expect(() => {
      (data.sections as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe("global data files", () => {
  test("every page shares one copy of each data file instead of a deep copy per page", async () => {
    const root = writeSite(fixtureFiles());
    const navs: unknown[] = [];
    const config = (eleventyConfig: EleventyConfig) => {
      configureSite(eleventyConfig, { root });
      eleventyConfig.addCollection("navSeen", (api: { getAll(): Array<{ data: { nav?: unknown } }> }) => {
        navs.push(...api.getAll().map((item) => item.data.nav));
        return [];
      });
    };
    const output = mkdtempSync(join(tmpdir(), "site-"));
    const elev = new Eleventy(undefined, output, { quietMode: true, configPath: false, config });
    await elev.initializeConfig(templateEngines);
    await elev.toJSON();

    expect(navs.length).toBeGreaterThan(5);
    expect(navs[0]).toMatchObject({ ja: { sections: [{ id: "guide" }] } });
    // `nav` is a folder: Eleventy makes the { ja, en } object itself; each file's data is shared.
    expect(new Set(navs.map((nav) => (nav as { ja: unknown }).ja)).size).toBe(1);
  });
});
