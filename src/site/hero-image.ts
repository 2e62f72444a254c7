/**
 * A page's hero image as the layout shows it: a URL browsers load, with its pixel size.
 * The layout filter and the content check both call {@link resolveHero}, so what the
 * check warns about is exactly what the page shows.
 */
import { join } from "node:path";
import { gyazoOriginalUrl, GYAZO_URL_FORMS, parseGyazoUrl } from "../media/gyazo-url.ts";
import { localImagePath, readLocalImageSize } from "../media/local-image-size.ts";
import { loadMediaMetadata, MEDIA_METADATA_FILE } from "../media/media-metadata.ts";
import { UNKNOWN_SIZE } from "../media/media-size.ts";
import { stillExt, type MediaProblem } from "../media/resolve-media.ts";
import { SIZE_UNKNOWN_RULE, sizeUnknownMessage } from "../media/size-warnings.ts";
import { isSafeUrl } from "../util/safe-url.ts";

/** What `<img class="article-hero">` needs. */
export interface HeroImage {
  src: string;
  alt: string;
  width: number;
  height: number;
  /** False when width/height are the stable 16:9 box, not the image's own size. */
  sizeKnown: boolean;
}

/** Front matter `hero` as authors write it: null, `{ image: "" }`, `{ gradient }`, or `{ image, alt }`. */
export type HeroData = { image?: string | null; alt?: string | null } | null | undefined;

/** The image to show (none for the "no image" forms) and what the check reports about it. */
export interface HeroResolution {
  image?: HeroImage;
  problems: MediaProblem[];
}

/**
 * Resolves `hero`: a Gyazo URL is sized from the media metadata file, a file on the site
 * from the file itself, an external http(s) image is shown as it is. When the size is not
 * known the image is still shown, in the stable 16:9 box (the same promise as embeds),
 * never dropped; only an unsafe or malformed URL shows nothing, and is an error.
 */
export function resolveHero(hero: HeroData, root: string, pageFile: string | undefined): HeroResolution {
  const image = typeof hero?.image === "string" ? hero.image.trim() : "";
  if (!image) return { problems: [] };
  const alt = hero?.alt ?? "";
  const unsized = (src: string): HeroImage => ({ src, alt, ...UNKNOWN_SIZE, sizeKnown: false });
  if (!isSafeUrl(image)) {
    return { problems: [{ severity: "error", rule: "media/unsafe-url", message: `hero image "${image}" is not allowed; use an http(s) URL or a path on the site` }] };
  }
  const gyazo = parseGyazoUrl(image);
  if (gyazo.kind === "malformed") {
    return { problems: [{ severity: "error", rule: "media/bad-gyazo-id", message: `hero image "${image}" is not a Gyazo image URL; valid forms: ${GYAZO_URL_FORMS}` }] };
  }
  if (gyazo.kind === "gyazo") {
    const { id } = gyazo.ref;
    const entry = loadMediaMetadata(join(root, MEDIA_METADATA_FILE))[id];
    // A hero is a still, with the file type an embed of the same URL would use.
    const src = gyazoOriginalUrl(id, stillExt(gyazo.ref, entry));
    if (!entry) return { image: unsized(src), problems: [{ severity: "warning", rule: SIZE_UNKNOWN_RULE, message: sizeUnknownMessage(id) }] };
    return { image: { src, alt, width: entry.width, height: entry.height, sizeKnown: true }, problems: [] };
  }
  const file = localImagePath(image, root, pageFile);
  // Another host: nothing may fetch it at build time, so it shows in the box, unwarned (as embeds do).
  if (!file) return { image: unsized(image), problems: [] };
  const size = readLocalImageSize(file, root);
  if ("error" in size) {
    return { image: unsized(image), problems: [{ severity: "warning", rule: "media/local-image", message: `cannot read the size of hero image "${image}" (${size.error})` }] };
  }
  return { image: { src: image, alt, ...size, sizeKnown: true }, problems: [] };
}

/** The hero image the layout shows, or undefined for a page without one. */
export function heroImage(hero: HeroData, root: string, pageFile: string | undefined): HeroImage | undefined {
  return resolveHero(hero, root, pageFile).image;
}
