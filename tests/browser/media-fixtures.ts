/**
 * Stand-ins for media on external hosts (Gyazo): the built pages name the size of every
 * image and video, and the tests answer each request with a picture of exactly that size,
 * so layout behaves as with the real files and no test touches the network.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

/** Width and height a page declares for a media URL. */
export interface MediaSize {
  width: number;
  height: number;
}

/** Hosts whose requests the tests answer from fixtures. */
export const MEDIA_HOST = /(^|\.)gyazo\.com$/;

const FALLBACK_SIZE: MediaSize = { width: 640, height: 360 };
// A 1-second 320×180 H.264 clip made once with ffmpeg's testsrc2 (see the README's browser tests section).
const VIDEO_FIXTURE = join(import.meta.dirname, "fixtures/clip.mp4");

/** Sizes of every external media URL in the given HTML (`src`, `poster`, `data-full-src`, `srcset`). */
export function collectMediaSizes(html: string, into: Record<string, MediaSize> = {}): Record<string, MediaSize> {
  for (const [tag] of html.matchAll(/<(?:img|video|source)\b[^>]*>/g)) {
    const attrs = readAttributes(tag);
    const width = Number(attrs.width);
    const height = Number(attrs.height);
    if (!(width > 0 && height > 0)) continue;
    const urls = [attrs.src, attrs.poster, attrs["data-full-src"], ...(attrs.srcset ?? "").split(",").map((c) => c.trim().split(/\s+/)[0])];
    for (const url of urls) if (url && /^https?:/.test(url)) into[url] ??= { width, height };
  }
  return into;
}

/** The fixture response for a media URL: an MP4 clip for videos, else a PNG of the declared size. */
export function mediaFixture(url: string, sizes: Record<string, MediaSize>): { contentType: string; body: Buffer } {
  if (/\.(mp4|webm|mov)(\?|$)/i.test(new URL(url).pathname)) {
    return { contentType: "video/mp4", body: readFileSync(VIDEO_FIXTURE) };
  }
  // Browsers sniff image bytes, so a PNG stands in for a .jpg or .gif URL too.
  const { width, height } = sizes[url] ?? FALLBACK_SIZE;
  const key = `${width}x${height}`;
  let body = pngBySize.get(key);
  if (!body) pngBySize.set(key, (body = encodePng(width, height)));
  return { contentType: "image/png", body };
}

// Pages repeat a few sizes; encoding a large PNG takes tens of milliseconds.
const pngBySize = new Map<string, Buffer>();

/** An opaque RGB PNG of the given size: a diagonal gradient, so screenshots show where images sit. */
export function encodePng(width: number, height: number): Buffer {
  const row = 1 + width * 3;
  const pixels = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * row + 1 + x * 3;
      pixels[at] = 40 + Math.round((150 * x) / width);
      pixels[at + 1] = 90 + Math.round((120 * y) / height);
      pixels[at + 2] = 170;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** One PNG chunk: length, type, data, CRC (also used by tests/workflow/png-fixture.ts). */
export function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function readAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, double, single, bare] of tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    attrs[name!.toLowerCase()] = (double ?? single ?? bare ?? "").replaceAll("&amp;", "&");
  }
  return attrs;
}
