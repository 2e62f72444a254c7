/**
 * Page models kept between validations of one configured site, for the dev server's
 * rebuilds: a file is read again only when the kernel says it changed, and parsed again
 * only when its bytes did.
 * A parse also reads files besides the page (workflow JSON, images, the media sizes in
 * `content/_data/`); when the bytes of any of those changed, every page is parsed again.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { contentHash } from "../util/content-hash.ts";
import { fileStamp } from "../util/file-stamp.ts";
import { projectFile } from "../util/project-file.ts";
import type { SitePage } from "./site-model.ts";

/** Folders, relative to the project root, whose files a page's parse may read. */
const DEPENDENCY_DIRS = ["content", "workflows"];

/** Largest file hashed by its bytes; a larger one stands in the stamp by its {@link fileStamp}. */
const MAX_HASHED_BYTES = 64 * 2 ** 20;

/**
 * What a file holds, for the stamp: its content hash. A file that may not be read (outside
 * the project once links are resolved, not a regular file, too large) is never opened; its
 * {@link fileStamp} stands in for its bytes.
 */
function dependencyHash(root: string, path: string): string {
  const stamp = fileStamp(path);
  if (stamp === undefined) return "(unreadable)";
  const file = projectFile(root, path, MAX_HASHED_BYTES);
  if ("error" in file) return `(${file.error}) ${stamp}`;
  try {
    return contentHash(path, file.realPath) ?? "(unreadable)";
  } catch {
    return `(unreadable) ${stamp}`;
  }
}

/**
 * A hash of every non-Markdown file in `dirs` (a symlink's target too) by name and
 * content: changes when anything a parse reads does. Entries of the results kept on disk
 * (src/util/disk-cache.ts) are keyed by it too, so it holds no inode or time: a fresh
 * clone of the same files (a CI run with `.cache/` restored) finds them, and a `touch`
 * or a hard link to a workflow renders nothing again.
 */
export function dependencyStamp(root: string, contentDir: string): string {
  const hash = createHash("sha1");
  for (const dir of new Set([...DEPENDENCY_DIRS, contentDir])) {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!(entry.isFile() || entry.isSymbolicLink()) || entry.name.endsWith(".md")) continue;
      const path = join(entry.parentPath, entry.name);
      hash.update(`${path}\0${dependencyHash(root, path)}\n`);
    }
  }
  return hash.digest("hex");
}

/**
 * The parsed model of each content file, by absolute path, valid for one version of its
 * bytes. A file the kernel reports unchanged (size, times, inode) is not even read again.
 */
export class PageCache {
  /** Pages parsed and pages reused over the cache's life; tests hold it to its promise. */
  readonly counts = { parsed: 0, reused: 0 };
  readonly #pages = new Map<string, { hash: string; stamp: string | undefined; page: SitePage }>();
  #dependencies: string | undefined;

  /**
   * Starts a validation of the files at `paths`: forgets deleted files, and every page
   * when the files parsing reads besides pages changed (`dependencies`, a {@link dependencyStamp}).
   */
  begin(paths: readonly string[], dependencies: string): void {
    if (dependencies !== this.#dependencies) this.#pages.clear();
    this.#dependencies = dependencies;
    const current = new Set(paths);
    for (const path of this.#pages.keys()) if (!current.has(path)) this.#pages.delete(path);
  }

  /** The page at `path`: the one parsed before while its bytes are the same, or a new one from `parse`. */
  page(path: string, read: () => Buffer, parse: (bytes: Buffer) => SitePage): SitePage {
    const stamp = fileStamp(path);
    const hit = this.#pages.get(path);
    if (hit && stamp !== undefined && hit.stamp === stamp) {
      this.counts.reused++;
      return hit.page;
    }
    const bytes = read();
    const hash = createHash("sha1").update(bytes).digest("hex");
    if (hit?.hash === hash) {
      hit.stamp = stamp;
      this.counts.reused++;
      return hit.page;
    }
    this.counts.parsed++;
    const page = parse(bytes);
    this.#pages.set(path, { hash, stamp, page });
    return page;
  }
}
