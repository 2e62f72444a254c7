/**
 * The committed media metadata file (`content/_data/media.json`): Gyazo id → size and
 * type. It is the build's only source of Gyazo sizes; `npm run media:sync` fills it.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { parseJson, type TextPosition } from "../util/json-positions.ts";

/** Where the metadata lives, relative to the project root. */
export const MEDIA_METADATA_FILE = "content/_data/media.json";

/** Largest side accepted, in pixels: a real upload is far below, a bogus value far above. */
export const MAX_MEDIA_SIDE = 100_000;

const side = z.int().min(1).max(MAX_MEDIA_SIDE);
const entrySchema = z.strictObject({
  width: side,
  height: side,
  type: z.enum(["image", "video"]),
  /** The still's file type; videos have none (their still is served as jpg). */
  ext: z.enum(["png", "jpg", "gif"]).optional(),
});

const fileSchema = z.record(z.string().regex(/^[0-9a-f]{32}$/), entrySchema);

/** What is known about one Gyazo upload. */
export type MediaEntry = z.infer<typeof entrySchema>;
/** The whole file: id → entry. */
export type MediaMetadata = Record<string, MediaEntry>;

// Keyed by absolute path; an entry is reused while the file's mtime and size are unchanged,
// so a `--serve` rebuild after `media:sync` sees the new sizes.
const cache = new Map<string, { stamp: string; read: MediaMetadataRead }>();

/** What one version of the file holds: its table (empty when malformed), and why it is malformed. */
export interface MediaMetadataRead {
  data: MediaMetadata;
  error?: MediaMetadataError;
}

/** A metadata file that cannot be used: `${file}: ${detail}`, and where in the file the mistake is. */
export class MediaMetadataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly position: TextPosition,
  ) {
    super(`${file}: ${detail}`);
    this.name = "MediaMetadataError";
  }
}

/**
 * The file at `path`, parsed once per version: renders size pages from `data`, and the
 * content check reports `error` (src/check/rules/data-files.ts). A missing file is an empty
 * table (a fresh site), and so is a malformed one: its error stops a production build,
 * and renders do not fail page by page over it.
 */
export function readMediaMetadata(path: string): MediaMetadataRead {
  let stamp: string;
  try {
    const s = statSync(path);
    stamp = `${s.mtimeMs}:${s.size}`;
  } catch {
    return { data: {} };
  }
  const hit = cache.get(path);
  if (hit?.stamp === stamp) return hit.read;
  let read: MediaMetadataRead;
  try {
    read = { data: parseMediaMetadata(readFileSync(path, "utf8"), path) };
  } catch (error) {
    if (!(error instanceof MediaMetadataError)) throw error;
    read = { data: {}, error };
  }
  cache.set(path, { stamp, read });
  return read;
}

/** The table pages are sized from ({@link readMediaMetadata}'s `data`). */
export const loadMediaMetadata = (path: string): MediaMetadata => readMediaMetadata(path).data;

/** Parses the file's text; `file` names the file in errors. Throws {@link MediaMetadataError}. */
export function parseMediaMetadata(text: string, file: string): MediaMetadata {
  const json = parseJson(text);
  if (!json.ok) throw new MediaMetadataError(file, `not valid JSON (${json.error.message})`, json.error);
  const parsed = fileSchema.safeParse(json.document.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.path.filter((key): key is string | number => typeof key !== "symbol");
    // zod reports a bad record key as "Invalid key in record"; say what a key must be.
    const message = issue.code === "invalid_key" ? "is not a Gyazo id (32 lowercase hex digits)" : issue.message;
    throw new MediaMetadataError(file, `${keys.join(".") || "(root)"}: ${message}`, json.document.positionOf(keys));
  }
  return parsed.data;
}

/** Stable text for the file: ids sorted, fields in a fixed order, so diffs stay small. */
export function serializeMediaMetadata(data: MediaMetadata): string {
  const sorted: MediaMetadata = {};
  for (const id of Object.keys(data).sort()) {
    const { width, height, type, ext } = data[id]!;
    sorted[id] = ext ? { width, height, type, ext } : { width, height, type };
  }
  return JSON.stringify(sorted, null, 2) + "\n";
}

/**
 * Writes the file atomically: a temporary file in the same folder, then a rename, so a
 * reader (or an interrupted sync) never sees half a file.
 */
export function writeMediaMetadata(path: string, data: MediaMetadata): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, serializeMediaMetadata(data));
  renameSync(temp, path);
}
