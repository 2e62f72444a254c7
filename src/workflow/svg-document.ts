/** The outer `<svg>` of a preview: intrinsic size, view box, title, embedded workflow, background. */
import { n } from "./svg-node.ts";
import { escapeXml } from "./svg-text.ts";

/** A drawn preview and its intrinsic size in CSS pixels. */
export interface Preview {
  svg: string;
  width: number;
  height: number;
  /** Why the preview was simplified (node boxes only), when it was. */
  simplified?: string;
}

/** Largest intrinsic side; bigger graphs keep their proportions and shrink. */
const MAX_SIDE = 4096;
const BACKGROUND = "#1b1b1b";
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans JP', 'Noto Sans', sans-serif";

/** Wraps a drawn `body` of `viewWidth` × `viewHeight` canvas units; `metadata` is a `<metadata>` element or "". */
export function svgDocument(viewWidth: number, viewHeight: number, title: string, metadata: string, body: string): Preview {
  const fit = Math.min(1, MAX_SIDE / Math.max(viewWidth, viewHeight));
  const width = Math.max(1, Math.round(viewWidth * fit));
  const height = Math.max(1, Math.round(viewHeight * fit));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${n(viewWidth)} ${n(viewHeight)}" font-family="${FONT_FAMILY}">` +
    `<title>${escapeXml(title)}</title>${metadata}<rect width="100%" height="100%" fill="${BACKGROUND}"/>${body}</svg>\n`;
  return { svg, width, height };
}
