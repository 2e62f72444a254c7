/**
 * `npm run media:sync [-- --concurrency 4 --timeout 10000 --retries 2 --endpoint URL --root DIR]`:
 * records the sizes of Gyazo media used in the content in content/_data/media.json.
 * Exits 1 when any id could not be fetched (the others are still recorded).
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { MEDIA_METADATA_FILE } from "../media/media-metadata.ts";
import { SYNC_DEFAULTS, syncMedia, type SyncOptions } from "../media/media-sync.ts";

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

// Reads the command line into sync options.
function parseSyncArgs(argv: string[]): SyncOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: "string" },
      endpoint: { type: "string" },
      concurrency: { type: "string" },
      timeout: { type: "string" },
      retries: { type: "string" },
    },
  });
  return {
    root: resolve(values.root ?? "."),
    endpoint: values.endpoint ?? SYNC_DEFAULTS.endpoint,
    concurrency: positiveInt("concurrency", values.concurrency, SYNC_DEFAULTS.concurrency),
    timeoutMs: positiveInt("timeout", values.timeout, SYNC_DEFAULTS.timeoutMs),
    retries: positiveInt("retries", values.retries, SYNC_DEFAULTS.retries, 0),
    retryDelayMs: SYNC_DEFAULTS.retryDelayMs,
  };
}

async function main(): Promise<number> {
  const options = parseSyncArgs(process.argv.slice(2));
  const report = await syncMedia(options);
  const missing = report.fetched.length + report.failed.length;
  console.log(`media:sync: ${report.found} Gyazo id(s) in the content, ${missing} without a recorded size`);
  for (const { id, entry } of report.fetched) console.log(`  fetched ${id}: ${entry.width}x${entry.height} ${entry.type}${entry.ext ? " " + entry.ext : ""}`);
  for (const { id, reason, files } of report.failed) console.error(`  failed  ${id}: ${reason} (used in ${files.join(", ")})`);
  if (report.fetched.length) console.log(`media:sync: wrote ${report.fetched.length} new size(s) to ${MEDIA_METADATA_FILE}`);
  if (report.failed.length) console.error(`media:sync: ${report.failed.length} id(s) failed; run again later or check the ids`);
  return report.failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`media:sync: ${(e as Error).message}`);
    process.exit(2);
  },
);
