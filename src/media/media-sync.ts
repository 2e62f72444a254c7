/**
 * `npm run media:sync`: finds Gyazo ids in the content that the metadata file lacks,
 * fetches their sizes (bounded concurrency, timeouts, retries) and records them with an
 * atomic write. Failures are reported, never written.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fetchGyazoEntry, GYAZO_OEMBED_ENDPOINT, type OEmbedOptions } from "./gyazo-oembed.ts";
import { findGyazoIds } from "./gyazo-url.ts";
import { MEDIA_METADATA_FILE, parseMediaMetadata, writeMediaMetadata, type MediaEntry, type MediaMetadata } from "./media-metadata.ts";

/** What to sync and how. */
export interface SyncOptions extends OEmbedOptions {
  root: string;
  /** Requests in flight at once. */
  concurrency: number;
}

/** Defaults for everything but the root. */
export const SYNC_DEFAULTS: Omit<SyncOptions, "root"> = {
  endpoint: GYAZO_OEMBED_ENDPOINT,
  concurrency: 4,
  timeoutMs: 10_000,
  retries: 2,
  retryDelayMs: 500,
};

/** The outcome, for the CLI to print. */
export interface SyncReport {
  /** Distinct ids found in the content. */
  found: number;
  fetched: Array<{ id: string; entry: MediaEntry }>;
  failed: Array<{ id: string; reason: string; files: string[] }>;
}

/** Gyazo id → the content files (relative to root) that use it, in file order. Drafts count too. */
export function scanContentForGyazoIds(root: string): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  const paths = readdirSync(join(root, "content"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const path of paths) {
    const file = relative(root, path).split(sep).join("/");
    for (const id of findGyazoIds(readFileSync(path, "utf8"))) uses.set(id, [...(uses.get(id) ?? []), file]);
  }
  return uses;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

function readMetadata(path: string): MediaMetadata {
  try {
    return parseMediaMetadata(readFileSync(path, "utf8"), path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw e;
  }
}

/** Fetches the missing sizes and writes them; the file is untouched when nothing was fetched. */
export async function syncMedia(options: SyncOptions): Promise<SyncReport> {
  const path = join(options.root, MEDIA_METADATA_FILE);
  const metadata = readMetadata(path);
  const uses = scanContentForGyazoIds(options.root);
  const missing = [...uses.keys()].filter((id) => !metadata[id]).sort();
  const report: SyncReport = { found: uses.size, fetched: [], failed: [] };
  await eachLimited(missing, options.concurrency, async (id) => {
    try {
      report.fetched.push({ id, entry: await fetchGyazoEntry(id, options) });
    } catch (e) {
      report.failed.push({ id, reason: (e as Error).message, files: uses.get(id)! });
    }
  });
  report.fetched.sort((a, b) => a.id.localeCompare(b.id));
  report.failed.sort((a, b) => a.id.localeCompare(b.id));
  if (report.fetched.length > 0) {
    // Re-read right before writing so an edit made during the fetches is kept.
    const latest = readMetadata(path);
    for (const { id, entry } of report.fetched) latest[id] = entry;
    writeMediaMetadata(path, latest);
  }
  return report;
}
