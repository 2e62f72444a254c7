/**
 * The workflow a PNG already carries: ComfyUI saves its images with the graph in a
 * `tEXt` chunk named `workflow` (and the API prompt in one named `prompt`). The build only
 * reads what is there; it never writes a chunk. Reading stops at the first image data
 * chunk, where ComfyUI's text chunks have already come, and at a size cap.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { relative, isAbsolute } from "node:path";
import { inflateSync } from "node:zlib";

/** Bytes read from a PNG at most: enough for any workflow chunk, never a whole huge file. */
export const PNG_READ_LIMIT = 16 * 1024 * 1024;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The text of chunk `keyword` (`tEXt`, or `iTXt`, compressed or not) before the image data; null when there is none. */
export function pngTextChunk(bytes: Buffer, keyword: string): string | null {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const start = offset + 8;
    const end = start + length;
    if (type === "IDAT" || type === "IEND" || end > bytes.length) return null;
    if (type === "tEXt" || type === "iTXt") {
      const data = bytes.subarray(start, end);
      const zero = data.indexOf(0);
      if (zero > 0 && data.toString("latin1", 0, zero) === keyword) {
        if (type === "tEXt") return data.toString("latin1", zero + 1);
        return iTxtText(data.subarray(zero + 1));
      }
    }
    offset = end + 4; // the CRC
  }
  return null;
}

/** iTXt after the keyword: compression flag, method, language tag, translated keyword, then UTF-8 text. */
function iTxtText(rest: Buffer): string | null {
  const compressed = rest[0] === 1;
  const language = rest.indexOf(0, 2);
  const translated = language < 0 ? -1 : rest.indexOf(0, language + 1);
  if (translated < 0) return null;
  const text = rest.subarray(translated + 1);
  try {
    return (compressed ? inflateSync(text, { maxOutputLength: PNG_READ_LIMIT }) : text).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * The workflow JSON text of the PNG at `file` (`workflow` chunk, else `prompt`), or null:
 * not a regular file inside `root`, not a PNG, or no such chunk.
 */
export function readPngWorkflowText(file: string, root: string): string | null {
  let real: string;
  try {
    real = realpathSync(file);
    const inside = relative(realpathSync(root), real);
    if (inside.startsWith("..") || isAbsolute(inside) || !statSync(real).isFile()) return null;
  } catch {
    return null;
  }
  const buffer = Buffer.alloc(Math.min(PNG_READ_LIMIT, statSync(real).size));
  const fd = openSync(real, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  return pngTextChunk(buffer, "workflow") ?? pngTextChunk(buffer, "prompt");
}
