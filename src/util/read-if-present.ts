/** Reading a file that may have gone (deleted, renamed, a link to nothing) without a throw. */
import { readFileSync } from "node:fs";

/** The bytes of `file`, or undefined when it cannot be read. */
export function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
