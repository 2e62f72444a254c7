/**
 * `--profile`'s split of one build into phases. Eleventy's own work has no hooks, so the
 * plugins' `eleventy.before`/`eleventy.after` handlers are timed one by one and credited to
 * the phase their plugin stands for (one after another, see `timed`); what is left of
 * `write()` is Eleventy rendering and writing the templates.
 */
import assetsPlugin from "../src/eleventy/assets.ts";
import searchIndexPlugin from "../src/eleventy/search-index.ts";
import type { EleventyConfig } from "../src/eleventy/types.ts";
import validationPlugin from "../src/eleventy/validation.ts";
import workflowsPlugin from "../src/eleventy/workflows.ts";

/** The phases, in the order a build goes through them. */
export const PHASES = ["start-up and config import", "validation", "render", "previews", "assets", "search", "other hooks"] as const;
export type Phase = (typeof PHASES)[number];

/** One phase's time. */
export interface PhaseTime {
  phase: Phase;
  ms: number;
}

// By identity, not name: a renamed plugin still lands in its phase.
const PHASE_OF = new Map<unknown, Phase>([
  [validationPlugin, "validation"],
  [workflowsPlugin, "previews"],
  [assetsPlugin, "assets"],
  [searchIndexPlugin, "search"],
]);

type Plugin = (config: EleventyConfig, options: unknown) => void;
type Handler = (...args: unknown[]) => unknown;

/** Adds up handler time per phase; `hooksMs` is all of it, to subtract from `write()`. */
export class PhaseClock {
  readonly byPhase = new Map<Phase, number>();
  /** Phases some plugin registered a handler for. */
  readonly registered = new Set<Phase>();
  hooksMs = 0;

  /** `phaseOf`: which plugin stands for which phase; `now`: the clock (tests pass their own). */
  constructor(
    private readonly phaseOf: ReadonlyMap<unknown, Phase> = PHASE_OF,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(phase: Phase, ms: number): void {
    this.byPhase.set(phase, (this.byPhase.get(phase) ?? 0) + ms);
    this.hooksMs += ms;
  }

  /**
   * Makes every handler the site's plugins register report to this clock. Call before the
   * site's config adds its plugins; the plugins themselves run unchanged.
   */
  instrument(eleventyConfig: EleventyConfig): void {
    const addPlugin = eleventyConfig.addPlugin.bind(eleventyConfig) as (plugin: Plugin, options?: unknown) => void;
    eleventyConfig.addPlugin = ((plugin: Plugin, options?: unknown) => {
      const phase = this.phaseOf.get(plugin) ?? "other hooks";
      addPlugin((config: EleventyConfig, pluginOptions: unknown) => {
        const on = config.on;
        config.on = (event: string, fn: Handler) => {
          this.registered.add(phase);
          on.call(config, event, this.timed(event, phase, fn));
        };
        try {
          plugin(config, pluginOptions);
        } finally {
          config.on = on;
        }
      }, options);
    }) as EleventyConfig["addPlugin"];
  }

  /** The last handler started for each event: handlers of one event run one after another. */
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * Eleventy starts an event's handlers together and awaits them all, so their spans
   * overlap (validation's synchronous work would be counted again in every async handler
   * beside it). Under the clock they run in turn instead, each timed on its own.
   */
  private timed(event: string, phase: Phase, fn: Handler): Handler {
    return (...args) => {
      const run = (this.tails.get(event) ?? Promise.resolve()).then(async () => {
        const started = this.now();
        try {
          return await fn(...args);
        } finally {
          this.add(phase, this.now() - started);
        }
      });
      this.tails.set(event, run.catch(() => undefined));
      return run;
    };
  }

  /** The phases of a build: start-up until `writeStartMs`, the hooks, and the rest of `write()` as render. */
  phases(writeStartMs: number, writeEndMs: number): PhaseTime[] {
    const render = Math.max(0, writeEndMs - writeStartMs - this.hooksMs);
    const ms = (phase: Phase) => (phase === "start-up and config import" ? writeStartMs : phase === "render" ? render : this.byPhase.get(phase) ?? 0);
    return PHASES.map((phase) => ({ phase, ms: ms(phase) }));
  }
}

/** `phases` as lines for the terminal: time and share of the whole. */
export function formatPhases(phases: readonly PhaseTime[]): string {
  const total = phases.reduce((t, p) => t + p.ms, 0);
  return ["phases of the build:", ...phases.map((p) => `  ${p.ms.toFixed(0).padStart(7)} ms  ${((p.ms / total) * 100).toFixed(1).padStart(5)}%  ${p.phase}`)].join("\n");
}
