/** Remembers each bundle with a hash of the files it was built from, so unchanged sources are not bundled again. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DiskCache } from "../util/disk-cache.ts";

/** One cached bundle: the files esbuild read (relative to the project root) and their hash. */
export interface BundleEntry<T> {
  inputs: string[];
  key: string;
  value: T;
}

/** sha256 over the names and bytes of `inputs`; undefined when one of them is gone. */
export function inputsKey(root: string, inputs: readonly string[]): string | undefined {
  const hash = createHash("sha256");
  for (const input of [...inputs].sort()) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, input));
    } catch {
      return undefined;
    }
    hash.update(input).update("\0").update(bytes).update("\0");
  }
  return hash.digest("hex");
}

/**
 * Bundles by entry point, reused while every input file has the same bytes. A new import
 * changes an existing input (the importing file), so the input list from the last bundle
 * is enough to notice it. With a {@link DiskCache} the last bundle outlives the process,
 * checked the same way: a build after a content edit does not start esbuild at all.
 * `counts` makes the saving an assertion in tests.
 */
export class BundleCache<T> {
  readonly #entries = new Map<string, BundleEntry<T>>();
  readonly counts = { hits: 0, misses: 0 };

  constructor(
    private readonly root: string,
    private readonly disk?: DiskCache<BundleEntry<T>>,
  ) {}

  /** The cached bundle of `entry` when its inputs are unchanged. */
  get(entry: string): T | undefined {
    const cached = this.#entries.get(entry) ?? this.disk?.get(this.disk.keyOf(entry));
    if (cached && inputsKey(this.root, cached.inputs) === cached.key) {
      this.#entries.set(entry, cached);
      this.counts.hits++;
      return cached.value;
    }
    this.counts.misses++;
    return undefined;
  }

  /** Records a fresh bundle and the files it was built from. */
  set(entry: string, inputs: readonly string[], value: T): void {
    const key = inputsKey(this.root, inputs);
    if (key === undefined) {
      this.#entries.delete(entry);
      return;
    }
    const fresh = { inputs: [...inputs], key, value };
    this.#entries.set(entry, fresh);
    this.disk?.set(this.disk.keyOf(entry), fresh);
  }
}
