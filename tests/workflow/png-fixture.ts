/** PNGs made in memory for tests: a 1×1 image with the text chunks ComfyUI writes. */
import { deflateSync } from "node:zlib";
import { chunk } from "../browser/media-fixtures.ts";

/** A 1×1 PNG; `texts` become `tEXt` chunks before the image data (or `iTXt` with `itxt`). */
export function pngWith(texts: Record<string, string>, options: { itxt?: boolean; afterData?: boolean } = {}): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const text = Object.entries(texts).map(([key, value]) =>
    options.itxt
      ? chunk("iTXt", Buffer.concat([Buffer.from(key, "latin1"), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(value, "utf8")]))
      : chunk("tEXt", Buffer.concat([Buffer.from(key, "latin1"), Buffer.from([0]), Buffer.from(value, "latin1")])),
  );
  const idat = chunk("IDAT", deflateSync(Buffer.from([0, 0])));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const body = options.afterData ? [idat, ...text] : [...text, idat];
  return Buffer.concat([signature, chunk("IHDR", ihdr), ...body, chunk("IEND", Buffer.alloc(0))]);
}
