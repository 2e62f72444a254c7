/**
 * Pan and zoom arithmetic for the workflow preview viewer, DOM-free so that it is tested
 * in Node. A view maps the image's own pixels to the stage: `stage = offset + scale × image`.
 */

/** Where the image sits on the stage. */
export interface View {
  scale: number;
  x: number;
  y: number;
}

/** A size in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Width at which the preview's titles are legible (they are drawn for an article 680 px wide). */
export const LEGIBLE_WIDTH = 680;
/** Zoom bounds, relative to the image's own size. */
const MIN_SCALE = 0.05;
const MAX_SCALE = 8;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/**
 * The first view: the whole graph when it is legible that way, else the graph's left end
 * (where a workflow starts, its loaders) at the legible width, so a phone's first view reads.
 */
export function initialView(image: Size, stage: Size): View {
  // Never above the image's own size: it is drawn to be legible at article width already.
  const fit = Math.min(1, stage.width / image.width, stage.height / image.height);
  if (fit * image.width >= Math.min(LEGIBLE_WIDTH, image.width)) {
    const scale = clampScale(fit);
    return { scale, x: (stage.width - image.width * scale) / 2, y: (stage.height - image.height * scale) / 2 };
  }
  const scale = clampScale(Math.min(1, LEGIBLE_WIDTH / image.width));
  const y = Math.max(0, (stage.height - image.height * scale) / 2);
  return { scale, x: 0, y };
}

/** Zooms by `factor` keeping the stage point `at` still (the cursor, the pinch centre, the middle). */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

/** Moves the image by a stage distance. */
export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** The zoom factor of a wheel event's `deltaY` (pixels): smooth, one notch ≈ 15%. */
export function wheelFactor(deltaY: number): number {
  return Math.exp(-deltaY * 0.0015);
}

/** What a key does to the view (`+ - 0` and the arrows), or null for other keys. */
export function viewForKey(key: string, view: View, stage: Size, initial: View): View | null {
  const middle = { x: stage.width / 2, y: stage.height / 2 };
  const step = Math.min(stage.width, stage.height) * 0.15;
  switch (key) {
    case "+":
    case "=":
      return zoomAt(view, 1.25, middle);
    case "-":
      return zoomAt(view, 1 / 1.25, middle);
    case "0":
      return initial;
    case "ArrowLeft":
      return panBy(view, step, 0);
    case "ArrowRight":
      return panBy(view, -step, 0);
    case "ArrowUp":
      return panBy(view, 0, step);
    case "ArrowDown":
      return panBy(view, 0, -step);
    default:
      return null;
  }
}
