/** Sizes of images that ship with the site, read from the files at build time. */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { imageSize } from "image-size";

/** Pixel size of an image. */
export interface PixelSize {
  width: number;
  height: number;
}

/**
 * Site URL prefixes and the project folders they are published from. `/workflows/` is a
 * passthrough copy of `workflows/`; every other root-absolute path comes from the content
 * folder (src/eleventy/media.ts copies its images).
 */
const MOUNTS: ReadonlyArray<[prefix: string, folder: string]> = [
  ["/workflows/", "workflows"],
  ["/", "content"],
];

/**
 * A local image reference, or null for anything that is not one (other hosts, schemes,
 * protocol-relative URLs, fragments). The query string and fragment are dropped.
 * `pageFile` is the page's absolute path, for relative references.
 */
export function localImagePath(src: string, root: string, pageFile: string | undefined): string | null {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:|^\/\/|^#/.test(src) || src.trim() === "") return null;
  let path: string;
  try {
    path = decodeURIComponent(src.replace(/[?#].*$/, ""));
  } catch {
    return null;
  }
  if (path.startsWith("/")) {
    const [prefix, folder] = MOUNTS.find(([p]) => path.startsWith(p))!;
    return join(root, folder, path.slice(prefix.length));
  }
  return pageFile ? resolve(dirname(pageFile), path) : null;
}

const cache = new Map<string, { stamp: number; size: PixelSize }>();

/**
 * The displayed size of a local image file (EXIF rotation applied), or an error message
 * when the file is missing or not an image. Cached by path and mtime.
 */
export function readLocalImageSize(file: string): PixelSize | { error: string } {
  let stamp: number;
  try {
    stamp = statSync(file).mtimeMs;
  } catch {
    return { error: "file not found" };
  }
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.size;
  try {
    const result = imageSize(readFileSync(file));
    if (!result.width || !result.height) return { error: "image has no size" };
    // EXIF orientations 5–8 are rotated a quarter turn: browsers swap the sides.
    const rotated = (result.orientation ?? 1) >= 5;
    const size = rotated ? { width: result.height, height: result.width } : { width: result.width, height: result.height };
    cache.set(file, { stamp, size });
    return size;
  } catch (e) {
    return { error: `not a readable image (${(e as Error).message})` };
  }
}
