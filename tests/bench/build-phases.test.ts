import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatPhases, PhaseClock, PHASES } from "../../bench/build-phases.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";

type Handler = (...args: unknown[]) => unknown;

/** Just enough of Eleventy: plugins queue, then run; handlers are kept to be called by hand. */
function fakeEleventy() {
  const queued: Array<[(c: EleventyConfig, o: unknown) => void, unknown]> = [];
  const handlers: Array<[string, Handler]> = [];
  const config = {
    addPlugin(plugin: (c: EleventyConfig, o: unknown) => void, options?: unknown) { queued.push([plugin, options]); },
    on(event: string, fn: Handler) { handlers.push([event, fn]); },
  } as unknown as EleventyConfig;
  const runPlugins = () => { for (const [plugin, options] of queued) plugin(config, options); };
  return { config, handlers, runPlugins };
}

describe("PhaseClock", () => {
  // A clock the handlers move forward, so no test depends on real time.
  let time = 0;
  const check = (c: EleventyConfig) => c.on("eleventy.before", () => { time += 40; });
  const previews = (c: EleventyConfig) => c.on("eleventy.after", async () => { time += 15; });
  const other = (c: EleventyConfig, options: unknown) => {
    expect(options).toEqual({ x: 1 });
    c.on("eleventy.before", () => { time += 5; return "kept"; });
  };

  test("credits each plugin's handlers to its phase, and the rest of write() to render", async () => {
    const eleventy = fakeEleventy();
    const clock = new PhaseClock(new Map<unknown, (typeof PHASES)[number]>([[check, "validation"], [previews, "previews"]]), () => time);
    clock.instrument(eleventy.config);
    eleventy.config.addPlugin(check);
    eleventy.config.addPlugin(previews);
    eleventy.config.addPlugin(other, { x: 1 });
    eleventy.runPlugins();
    expect(eleventy.handlers.map(([event]) => event)).toEqual(["eleventy.before", "eleventy.after", "eleventy.before"]);
    const results = [];
    for (const [, fn] of eleventy.handlers) results.push(await fn());
    expect(results).toEqual([undefined, undefined, "kept"]);
    // write() from 1,000 to 1,100 ms: 60 ms of it were hooks.
    expect(clock.phases(1000, 1100)).toEqual([
      { phase: "start-up and config import", ms: 1000 },
      { phase: "validation", ms: 40 },
      { phase: "render", ms: 40 },
      { phase: "previews", ms: 15 },
      { phase: "assets", ms: 0 },
      { phase: "search", ms: 0 },
      { phase: "other hooks", ms: 5 },
    ]);
  });

  test("the real site's plugins map to validation, previews, assets and search", async () => {
    // Eleventy runs the plugins while it initializes its config; no build is needed.
    const { default: Eleventy } = await import("@11ty/eleventy");
    const site = await import("../../eleventy.config.ts");
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const clock = new PhaseClock();
    const config = (c: EleventyConfig) => {
      clock.instrument(c);
      site.configureSite(c, { root });
    };
    const elev = new Eleventy(undefined, join(tmpdir(), "phases-never-written"), { quietMode: true, configPath: false, config });
    await elev.initializeConfig({ ...site.templateEngines });
    expect([...clock.registered]).toEqual(expect.arrayContaining(["validation", "previews", "assets", "search"]));
  });

  test("formats phases with their share", () => {
    const text = formatPhases([{ phase: "render", ms: 750 }, { phase: "search", ms: 250 }]);
    expect(text).toBe("phases of the build:\n      750 ms   75.0%  render\n      250 ms   25.0%  search");
  });
});
