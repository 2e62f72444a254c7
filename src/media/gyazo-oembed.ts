/**
 * Asking Gyazo's oEmbed endpoint for one upload's size and type. Used only by
 * `npm run media:sync`; the build never calls it.
 */
import { z } from "zod";
import { gyazoPageUrl } from "./gyazo-url.ts";
import { MAX_MEDIA_SIDE, type MediaEntry } from "./media-metadata.ts";

/** Gyazo's public oEmbed endpoint. */
export const GYAZO_OEMBED_ENDPOINT = "https://api.gyazo.com/api/oembed";

/** How patient a request is. */
export interface OEmbedOptions {
  /** Endpoint URL; tests point it at a local server. */
  endpoint: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after a timeout, a network error, a 5xx or a 429. */
  retries: number;
  /** First pause between attempts; doubled each time. */
  retryDelayMs: number;
}

/** Most bytes of an answer read: an oEmbed answer is a few hundred bytes. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

// Whole numbers only: no coercion, so `true`, `[7]` or "12" are not sizes.
const side = z.number().int().min(1).max(MAX_MEDIA_SIDE);
const responseSchema = z.object({
  type: z.enum(["photo", "video"]),
  width: side,
  height: side,
  url: z.string().optional(),
});

/** A failure worth another attempt (the server or the network), or not (a 404, a bad body). */
class FetchFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

async function attempt(id: string, options: OEmbedOptions): Promise<MediaEntry> {
  const url = `${options.endpoint}?url=${encodeURIComponent(gyazoPageUrl(id))}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: "application/json" } });
  } catch (e) {
    const error = e as Error & { cause?: { code?: string; message?: string } };
    if (error.name === "TimeoutError") throw new FetchFailure(`timed out after ${options.timeoutMs} ms`, true);
    // fetch() says only "fetch failed"; the cause has the useful part (ECONNREFUSED, ENOTFOUND…).
    throw new FetchFailure(`network error (${error.cause?.code ?? error.cause?.message ?? error.message})`, true);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchFailure(`HTTP ${response.status}`, response.status >= 500 || response.status === 429);
  }
  let body: unknown = null;
  try {
    body = JSON.parse(await readCapped(response, MAX_RESPONSE_BYTES));
  } catch (e) {
    // The timeout covers the body too; a body that is not JSON is simply unexpected.
    if ((e as Error).name === "TimeoutError") throw new FetchFailure(`timed out after ${options.timeoutMs} ms`, true);
    if (e instanceof FetchFailure) throw e;
  }
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join(".")).filter(Boolean);
    throw new FetchFailure(`unexpected oEmbed response${where.length ? ` (${[...new Set(where)].join(", ")}: not a whole number of pixels from 1 to ${MAX_MEDIA_SIDE}, or missing)` : ""}`, false);
  }
  const { type, width, height, url: fileUrl } = parsed.data;
  if (type === "video") return { width, height, type: "video" };
  const ext = /\.(png|jpe?g|gif)(?:[?#]|$)/i.exec(fileUrl ?? "")?.[1]?.toLowerCase().replace("jpeg", "jpg") as MediaEntry["ext"];
  return ext ? { width, height, type: "image", ext } : { width, height, type: "image" };
}

/** The body as text, refusing (and cancelling) one longer than `maxBytes`: an endless body must not fill memory. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchFailure(`response larger than ${maxBytes / 1024} KB`, false);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Fetches one id's entry, retrying transient failures; throws an Error whose message says why it failed. */
export async function fetchGyazoEntry(id: string, options: OEmbedOptions): Promise<MediaEntry> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(id, options);
    } catch (e) {
      const failure = e as FetchFailure;
      if (!failure.retryable || tries >= options.retries) {
        throw new Error(tries > 0 ? `${failure.message} (after ${tries + 1} attempts)` : failure.message);
      }
      await new Promise((done) => setTimeout(done, options.retryDelayMs * 2 ** tries));
    }
  }
}
