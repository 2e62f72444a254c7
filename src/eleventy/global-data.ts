/**
 * Global data files (`content/_data/*.json`) are parsed into frozen objects. Eleventy
 * deep-copies every unfrozen global data object into the data of every page; the nav
 * files and media.json grow with the site, so copying them made a build cost
 * pages × site size. A frozen object is shared by every page as it is (Eleventy's merge
 * keeps frozen sources), and a template that tried to change one would fail loudly.
 */
import type { EleventyConfig } from "./types.ts";

/** Freezes `value` and everything reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export default function globalDataPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("json", { parser: (text: string) => deepFreeze(JSON.parse(text) as unknown) });
}
