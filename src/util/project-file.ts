/**
 * Opening a file an author named, only when it is a regular file inside the project:
 * `../../outside.png`, a symlink out of the project, `/dev/zero` or a FIFO are refused
 * before anything is read, so content can neither read outside the project nor hang
 * the build on an endless file.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";

/** True when `path` is `folder` or below it (both absolute; compared as written). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(".." + sep));
}

/** A file that may be read: its real path (symlinks resolved) and size in bytes. */
export interface ProjectFile {
  realPath: string;
  size: number;
}

const realRoots = new Map<string, string>();

function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync(root);
    realRoots.set(root, real);
  }
  return real;
}

/**
 * `path` when it lies inside `root`, also once symlinks are resolved, and is a regular
 * file of at most `maxBytes`; otherwise why not, in words for a diagnostic.
 */
export function projectFile(root: string, path: string, maxBytes: number): ProjectFile | { error: string } {
  if (!isInside(root, path)) return { error: "outside the project" };
  let realPath: string;
  try {
    realPath = realpathSync(path);
  } catch {
    return { error: "file not found" };
  }
  if (!isInside(realRoot(root), realPath)) return { error: "a link to a file outside the project" };
  const stat = statSync(realPath);
  if (!stat.isFile()) return { error: "not a regular file" };
  if (stat.size > maxBytes) return { error: `larger than ${Math.round(maxBytes / 2 ** 20)} MB` };
  return { realPath, size: stat.size };
}

/** The first `bytes` bytes of a file (all of it when shorter), read without reading the rest. */
export function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < bytes; filled += n) n = readSync(fd, buffer, filled, bytes - filled, filled);
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
