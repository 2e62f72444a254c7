/**
 * Results kept on disk between runs (`npm run build`, `npm start`, `npm run check`): a
 * second build of a site renders only what changed since the first. Each entry is one
 * file named by the hash of everything its value was computed from: the inputs the
 * caller names, and this generator's own code ({@link codeVersion}), so an entry can be
 * wrong only if its inputs were not all named. Values are V8-serialised (Sets, Maps,
 * Buffers and Dates survive); a missing, unreadable or damaged entry is a miss, and a
 * write that fails is skipped: the cache can make a build faster, never fail it.
 *
 * Keys are computable by anyone who has the sources, so a cache folder that came from
 * the repository (committed in a pull request) could hold a page render with a script in
 * it: a folder git tracks any file of is never read or written ({@link committedFiles}),
 * and the check reports those files (`files/committed-cache`).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { fileStamp } from "./file-stamp.ts";
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
 * A stamp of the git index that `dir` falls under ("none" outside a repository), found by
 * walking up to `.git` (a folder, or a worktree's file naming one): it changes with every
 * `git add`, `rm` or commit, without running git.
 */
function gitIndexStamp(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const dotGit = join(at, ".git");
    const entry = statSync(dotGit, { throwIfNoEntry: false });
    if (entry?.isDirectory()) return fileStamp(join(dotGit, "index")) ?? "no index";
    if (entry?.isFile()) {
      const gitDir = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1]?.trim();
      return (gitDir && fileStamp(join(resolve(at, gitDir), "index"))) || "no index";
    }
    if (dirname(at) === at) return "none";
  }
}

const committed = new Map<string, { index: string; files: string[] }>();

/**
 * The files under `dir` (absolute paths) that git tracks or has staged; none outside a
 * repository or without git. Git is asked again only when its index changed.
 */
export function committedFiles(dir: string): string[] {
  const index = gitIndexStamp(dirname(dir));
  const kept = committed.get(dir);
  if (kept?.index === index) return kept.files;
  let files: string[] = [];
  if (index !== "none") {
    try {
      const listed = execFileSync("git", ["-c", "core.quotepath=off", "ls-files", "-z", "--", basename(dir)], {
        cwd: dirname(dir),
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        stdio: ["ignore", "pipe", "ignore"],
      });
      files = listed.split("\0").filter(Boolean).map((file) => join(dirname(dir), file));
    } catch {
      // No git on the machine, or not a work tree git accepts: nothing is committed that it could see.
    }
  }
  committed.set(dir, { index, files });
  return files;
}

/** How a {@link DiskCache} writes. */
export interface DiskCacheOptions {
  /**
   * Keep what is set in memory (the values themselves, most of which the caller holds
   * anyway) until {@link DiskCache.flush}: a first build's few hundred entries are then
   * written after its pages, off the time until its last page, not one by one as the
   * check renders them. Entries not flushed (a build that stopped) are computed again.
   */
  deferWrites?: boolean;
}

/** Entries written between two turns of the event loop by {@link DiskCache.flush}. */
const FLUSH_BATCH = 16;

/**
 * One kind of value (`namespace`) under a cache folder, for one project: `scope` (its
 * root) is part of every key, so a copied folder never serves another project's values.
 */
export class DiskCache<T> {
  /** Entries read and written over the cache's life; tests hold it to its promise. */
  readonly counts = { hits: 0, misses: 0 };
  readonly #dir: string;
  readonly #cacheDir: string;
  /** Keys read or written by this process: what {@link prune} keeps. */
  readonly #used = new Set<string>();
  /** Values set and not yet written ({@link DiskCacheOptions.deferWrites}). */
  readonly #pending = new Map<string, T>();

  constructor(
    cacheDir: string,
    private readonly namespace: string,
    private readonly scope: string,
    private readonly options: DiskCacheOptions = {},
  ) {
    this.#cacheDir = cacheDir;
    this.#dir = join(cacheDir, namespace);
  }

  #trusted: boolean | undefined;

  /**
   * False when the cache folder came from the repository: then nothing is read from it or
   * written to it. Decided once per instance (one run), at its first use.
   */
  get trusted(): boolean {
    return (this.#trusted ??= committedFiles(this.#cacheDir).length === 0);
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
    const pending = this.#pending.get(key);
    if (pending !== undefined) {
      this.counts.hits++;
      return pending;
    }
    let value: T;
    if (!this.trusted) {
      this.counts.misses++;
      return undefined;
    }
    try {
      value = deserialize(readFileSync(this.#path(key))) as T;
    } catch {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    return value;
  }

  /** Keeps `value` under `key`; with `deferWrites`, `value` must not change until {@link flush}. */
  set(key: string, value: T): void {
    this.#used.add(key);
    if (!this.trusted) return;
    if (this.options.deferWrites) this.#pending.set(key, value);
    else this.#write(key, value);
  }

  #write(key: string, value: T): void {
    try {
      writeFileAtomically(this.#path(key), serialize(value));
    } catch {
      // A read-only or full disk: the next run computes the value again.
    }
  }

  /**
   * Writes the values set since the last flush, {@link FLUSH_BATCH} at a time, letting the
   * event loop run between batches: the site's config flushes when a build is over,
   * while Pagefind (a process of its own) indexes the pages.
   */
  async flush(): Promise<void> {
    let written = 0;
    for (const [key, value] of this.#pending) {
      if (written++ % FLUSH_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      this.#pending.delete(key);
      this.#write(key, value);
    }
  }

  /** Deletes every entry this process neither read nor wrote (after a whole production build). */
  prune(): void {
    if (!this.trusted) return;
    let entries;
    try {
      entries = readdirSync(this.#dir, { recursive: true, withFileTypes: true });
    } catch {
      return;
    }
    const emptied = new Set<string>();
    for (const entry of entries) {
      if (!entry.isFile() || this.#used.has(entry.name)) continue;
      rmSync(join(entry.parentPath, entry.name), { force: true });
      emptied.add(entry.parentPath);
    }
    // The two-letter folders left without an entry; one that still holds one stays.
    for (const folder of emptied) {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty.
      }
    }
  }
}
