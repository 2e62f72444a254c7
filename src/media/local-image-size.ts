/** Sizes of images that ship with the site, read from the files at build time. */
import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type * as imageSizePackage from "image-size";
import { loadPackage, onFirstUse } from "../util/lazy-package.ts";
import { projectFile, readHead } from "../util/project-file.ts";

/** image-size's reader, loaded for the first image measured (src/util/lazy-package.ts) and kept: it runs per image. */
const imageSize = onFirstUse(() => loadPackage<typeof imageSizePackage>("image-size").imageSize);

/** Pixel size of an image. */
export interface PixelSize {
  width: number;
  height: number;
}

/**
 * Site URL prefixes and the project folders they are published from. `/workflows/` is a
 * passthrough copy of `workflows/`; every other root-absolute path comes from the content
 * folder (src/eleventy/project-files.ts copies its images).
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

/** Largest image file the build sizes: anything bigger is no image for a guide page. */
export const MAX_IMAGE_BYTES = 20 * 2 ** 20;
// Every format's size sits in its first bytes; a JPEG's frame header may follow a large
// EXIF block, so read generously (image-size's own file reader stops at 512 KiB too).
const HEADER_BYTES = 512 * 2 ** 10;

const cache = new Map<string, { stamp: number; size: PixelSize }>();

/**
 * The displayed size of a local image file (EXIF rotation applied), or an error message
 * when the file is missing, not an image, or not a regular file inside `root` (the
 * project: a symlink out of it, `/dev/zero` or a FIFO is never opened). Only the file's
 * header is read. Cached by path and mtime.
 */
export function readLocalImageSize(file: string, root: string): PixelSize | { error: string } {
  const checked = projectFile(root, file, MAX_IMAGE_BYTES);
  if ("error" in checked) return checked;
  const stamp = statSync(checked.realPath).mtimeMs;
  const hit = cache.get(checked.realPath);
  if (hit?.stamp === stamp) return hit.size;
  try {
    const result = imageSize()(readHead(checked.realPath, HEADER_BYTES));
    if (!result.width || !result.height) return { error: "image has no size" };
    // EXIF orientations 5–8 are rotated a quarter turn: browsers swap the sides.
    const rotated = (result.orientation ?? 1) >= 5;
    const size = rotated ? { width: result.height, height: result.width } : { width: result.width, height: result.height };
    cache.set(checked.realPath, { stamp, size });
    return size;
  } catch (e) {
    return { error: `not a readable image (${(e as Error).message})` };
  }
}
