/**
 * What the content check observes while the site's own markdown-it parses a page, so that
 * one parse serves both the plugins' findings and the facts about what the author wrote
 * (src/check/markdown-facts.ts). Travels in `env` under a symbol: Eleventy's env is page
 * data, which can never hold it, so rendering never takes the observed paths.
 */
import type { Token } from "./types.ts";

/** The `env` key of a {@link ParseObserver}. */
export const PARSE_OBSERVER = Symbol("parse observer");

/** A token's attributes as they were at one moment; null when it had none. */
export type AttributeSnapshot = ReadonlyArray<readonly [string, string | number]> | null;

/** Hooks called during one parse. */
export interface ParseObserver {
  /** Raw HTML tokens and their text as written, recorded before sanitizing replaces it. */
  rawHtml: Map<Token, string>;
  /**
   * Called once, right after `{…}` attributes are applied without the allowlist and
   * before the ones outside it are removed again. `before` holds each token's
   * attributes from just before; a token missing from it did not exist then.
   */
  attributes(tokens: readonly Token[], before: ReadonlyMap<Token, AttributeSnapshot>): void;
}

/** The observer in `env`, if the content check put one there. */
export function parseObserver(env: unknown): ParseObserver | undefined {
  return env && typeof env === "object" ? ((env as { [PARSE_OBSERVER]?: ParseObserver })[PARSE_OBSERVER] ?? undefined) : undefined;
}
