/**
 * Results kept on disk between runs (`npm run build`, `npm start`, `npm run check`): a
 * second build of a site renders only what changed since the first. Each entry is one
 * file named by the hash of everything its value was computed from: the inputs the
 * caller names, and this generator's own code ({@link codeVersion}), so an entry can be
 * wrong only if its inputs were not all named. Values are V8-serialised (Sets, Maps,
 * Buffers and Dates survive); a missing, unreadable or damaged entry is a miss, and a
 * write that fails is skipped: the cache can make a build faster, never fail it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomically } from "./write-atomically.ts";

/** Where the CLIs keep results between runs: the project's git-ignored `.cache/`. */
export const projectCacheDir = (root: string): string => join(root, ".cache");

/** This generator's folder: its code is part of every entry's key. */
const generatorRoot = fileURLToPath(new URL("../..", import.meta.url));

let version: string | undefined;

/**
 * A hash of the generator's code and locked dependencies: every file under `src/` and
 * `package-lock.json`. A change to any of them (a plugin, a string, markdown-it's
 * version) makes every entry a miss. Computed once per process (≈250 small files).
 */
export function codeVersion(): string {
  if (version) return version;
  const hash = createHash("sha1");
  const src = join(generatorRoot, "src");
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, join(generatorRoot, "package-lock.json")]) {
    hash.update(relative(generatorRoot, file)).update("\0");
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update("(none)");
    }
    hash.update("\0");
  }
  return (version = hash.digest("hex"));
}

/**
 * One kind of value (`namespace`) under a cache folder, for one project: `scope` (its
 * root) is part of every key, so a copied folder never serves another project's values.
 */
export class DiskCache<T> {
  /** Entries read and written over the cache's life; tests hold it to its promise. */
  readonly counts = { hits: 0, misses: 0 };
  readonly #dir: string;
  /** Keys read or written by this process: what {@link prune} keeps. */
  readonly #used = new Set<string>();

  constructor(
    cacheDir: string,
    private readonly namespace: string,
    private readonly scope: string,
  ) {
    this.#dir = join(cacheDir, namespace);
  }

  /** The key of a value computed from `parts`, within this cache's scope and the generator's code. */
  keyOf(...parts: ReadonlyArray<string | Uint8Array>): string {
    const hash = createHash("sha1").update(codeVersion()).update("\0").update(this.namespace).update("\0").update(this.scope);
    // Each part after its length: no two lists of parts give the same bytes.
    for (const part of parts) hash.update(`\0${typeof part === "string" ? Buffer.byteLength(part) : part.byteLength}:`).update(part);
    return hash.digest("hex");
  }

  #path(key: string): string {
    return join(this.#dir, key.slice(0, 2), key);
  }

  get(key: string): T | undefined {
    this.#used.add(key);
    let value: T;
    try {
      value = deserialize(readFileSync(this.#path(key))) as T;
    } catch {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    return value;
  }

  set(key: string, value: T): void {
    this.#used.add(key);
    try {
      writeFileAtomically(this.#path(key), serialize(value));
    } catch {
      // A read-only or full disk: the next run computes the value again.
    }
  }

  /** Deletes every entry this process neither read nor wrote (after a whole production build). */
  prune(): void {
    let entries;
    try {
      entries = readdirSync(this.#dir, { recursive: true, withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isFile() && !this.#used.has(entry.name)) rmSync(join(entry.parentPath, entry.name), { force: true });
    }
  }
}
