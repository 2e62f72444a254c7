/** Files written whole or not at all. */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes `data` to `path` through a temporary file and a rename: a reader never sees half
 * a file. The folder is made only when the write finds it missing: most writes go into a
 * folder an earlier one made, and asking first cost a system call each (a first build
 * writes some 900 files this way).
 */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, data);
  }
  renameSync(temporary, path);
}
