/** What a file holds, as a hash of its bytes, without reading it again while the kernel says it is unchanged. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileStamp } from "./file-stamp.ts";

const hashes = new Map<string, { stamp: string; hash: string }>();

/**
 * The sha1 of the bytes of the file at absolute `path`, read (from `readFrom`, its real
 * path when the caller resolved one) only when its {@link fileStamp} differs from the one
 * it was last hashed at; undefined when it is gone. The caller decides first whether the
 * file may be read at all (src/util/project-file.ts). Throws what reading throws.
 */
export function contentHash(path: string, readFrom = path): string | undefined {
  const stamp = fileStamp(path);
  if (stamp === undefined) return undefined;
  const kept = hashes.get(path);
  if (kept?.stamp === stamp) return kept.hash;
  const hash = createHash("sha1").update(readFileSync(readFrom)).digest("hex");
  hashes.set(path, { stamp, hash });
  return hash;
}
