/** How big a media item is drawn, and which CDN preview sizes are requested. */
import type { PixelSize } from "./local-image-size.ts";

/**
 * Longer side of the 1x preview, in CSS pixels. The article column is about 42rem
 * (672 px) wide; 720 covers it, and a 2x preview of 1440 covers high-density screens.
 */
export const PREVIEW_MAX = 720;

/** Used for width/height when the real size is unknown: a 16:9 box that never resizes. */
export const UNKNOWN_SIZE: PixelSize = { width: PREVIEW_MAX, height: (PREVIEW_MAX * 9) / 16 };

/** The drawn size and the CDN `max_size` values for 1x and (when sharper) 2x. */
export interface DisplaySize extends PixelSize {
  /** `max_size` of the 1x preview. */
  preview1x: number;
  /** `max_size` of the 2x preview, or null when the original is no larger than 1x. */
  preview2x: number | null;
}

/**
 * Scales a known size so that its longer side is at most {@link PREVIEW_MAX}, keeping
 * the aspect ratio and never upscaling. Gyazo's `max_size/<n>` bounds the longer side the
 * same way, so the width/height attributes match the preview's pixels.
 */
export function displaySize(original: PixelSize): DisplaySize {
  const longer = Math.max(original.width, original.height);
  const scale = Math.min(1, PREVIEW_MAX / longer);
  const preview1x = Math.min(longer, PREVIEW_MAX);
  const preview2x = Math.min(longer, PREVIEW_MAX * 2);
  return {
    width: Math.max(1, Math.round(original.width * scale)),
    height: Math.max(1, Math.round(original.height * scale)),
    preview1x,
    preview2x: preview2x > preview1x ? preview2x : null,
  };
}

/** Previews for an item of unknown size: both densities, at the 16:9 placeholder size. */
export function unknownDisplaySize(): DisplaySize {
  return { ...UNKNOWN_SIZE, preview1x: PREVIEW_MAX, preview2x: PREVIEW_MAX * 2 };
}
