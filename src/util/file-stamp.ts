/** A stamp that changes whenever a file does, without reading it. */
import { lstatSync, statSync } from "node:fs";

/**
 * The file at `path` and the directory entry that names it, as the kernel last changed
 * them: inode, size, modification and change times, for the link too when it is one;
 * undefined when it is gone. Any write, rename, `touch` or new symlink target changes it,
 * and no tool can set a change time back, so a file restored with its old modification
 * time still counts as changed.
 */
export function fileStamp(path: string): string | undefined {
  try {
    const entry = lstatSync(path);
    const file = entry.isSymbolicLink() ? statSync(path) : entry;
    return `${entry.ino}:${entry.ctimeMs}:${file.ino}:${file.size}:${file.mtimeMs}:${file.ctimeMs}`;
  } catch {
    return undefined;
  }
}
