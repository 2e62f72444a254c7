/** A page's hero image as the layout shows it: a URL browsers load, with its pixel size. */
import { join } from "node:path";
import { gyazoOriginalUrl, parseGyazoUrl } from "../media/gyazo-url.ts";
import { localImagePath, readLocalImageSize } from "../media/local-image-size.ts";
import { loadMediaMetadata, MEDIA_METADATA_FILE } from "../media/media-metadata.ts";

/** What `<img class="article-hero">` needs. */
export interface HeroImage {
  src: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * Resolves front matter `hero` ({ image, alt }): a Gyazo URL is sized from the media
 * metadata file, a local image from the file itself. Undefined when there is no image or
 * its size is unknown: an image without width/height would shift the page as it loads,
 * so the layout leaves it out (the media check reports unknown sizes).
 */
export function heroImage(hero: { image?: string; alt?: string } | undefined, root: string, pageFile: string | undefined): HeroImage | undefined {
  const image = hero?.image?.trim();
  if (!image) return undefined;
  const alt = hero?.alt ?? "";
  const gyazo = parseGyazoUrl(image);
  if (gyazo.kind === "gyazo") {
    const entry = loadMediaMetadata(join(root, MEDIA_METADATA_FILE))[gyazo.ref.id];
    if (!entry) return undefined;
    return { src: gyazoOriginalUrl(gyazo.ref.id, entry.ext ?? "jpg"), alt, width: entry.width, height: entry.height };
  }
  if (gyazo.kind === "malformed") return undefined;
  const file = localImagePath(image, root, pageFile);
  if (!file) return undefined;
  const size = readLocalImageSize(file);
  return "error" in size ? undefined : { src: image, alt, ...size };
}
