/**
 * Files published into the output as they are (workflows, images, preview SVGs): each is
 * a hard link to its source where the file system allows it, a copy otherwise. A link
 * writes no bytes and allocates no inode, which is most of what publishing a few hundred
 * files cost a build (BENCHMARKS.md). The output never writes into a file it holds: a
 * target is unlinked before it is made again, so a change in the output can never reach
 * an author's file through a shared inode, and a source replaced by its editor (a new
 * inode) leaves the published file as it was until the next build publishes the new one.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync, statSync, type Stats } from "node:fs";
import { dirname } from "node:path";

/** True when `target` already shows `source`: the same inode, or across file systems a copy as large and no older. */
function isPublished(source: Stats, target: Stats | undefined): boolean {
  if (!target) return false;
  if (target.dev === source.dev) return target.ino === source.ino;
  return target.size === source.size && target.mtimeMs >= source.mtimeMs;
}

/** Makes `target` show `source`: a new hard link, or a copy where linking fails (another file system, none supported). */
export function linkOrCopy(source: string, target: string): void {
  rmSync(target, { force: true });
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/**
 * Publishes every `target → source` of `files` not published already, and removes the
 * targets `before` holds (what the previous call published, kept by the caller between
 * rebuilds into the same folder) that `files` no longer has, so a dev server's folder
 * keeps no stale file. `before` is left holding this call's targets. Returns how many
 * files were published anew.
 */
export function syncPublished(files: ReadonlyMap<string, string>, before: Set<string>): number {
  let published = 0;
  for (const [target, source] of files) {
    if (isPublished(statSync(source), statSync(target, { throwIfNoEntry: false }))) continue;
    linkOrCopy(source, target);
    published++;
  }
  for (const gone of before) if (!files.has(gone)) rmSync(gone, { force: true });
  before.clear();
  for (const target of files.keys()) before.add(target);
  return published;
}
