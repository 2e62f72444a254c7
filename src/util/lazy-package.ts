/**
 * Packages that only some builds use, loaded when first used. A build whose page renders,
 * workflows and bundles all come from `.cache/` never highlights code, applies `{…}`
 * attributes, measures an image or runs esbuild, and a static `import` would load those
 * packages at every start all the same (≈85 ms wall, ≈135 ms CPU of a build's start on
 * the bench machine, BENCHMARKS.md). They are CommonJS packages, so `require` loads them
 * in the middle of a synchronous render.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `load()`'s value, computed at the first call and returned by every later one. */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

/**
 * The exports of the CommonJS package `specifier` (loaded once; Node keeps it). `T` is what
 * its `module.exports` is: for a package typed with a default export, that default.
 * Call it inside {@link onFirstUse}, or at the moment the package is needed.
 */
export function loadPackage<T>(specifier: string): T {
  return require(specifier) as T;
}
