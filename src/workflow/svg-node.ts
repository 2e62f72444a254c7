/** Drawing one node of the preview: box, title bar, title, a few widget values, sockets. */
import { linkColor } from "./link-colors.ts";
import { nodeBox, slotPoint, TITLE_HEIGHT, SLOT_HEIGHT } from "./svg-geometry.ts";
import { escapeXml, fitText, fitTitle } from "./svg-text.ts";
import type { GraphNode } from "./workflow-graph.ts";

/** Sizes that depend on how far the preview is scaled down at article width. */
export interface SvgScale {
  /** Title font size, in canvas units. */
  font: number;
  /** Link stroke width. */
  line: number;
  /** Socket dot radius. */
  dot: number;
  /** One screen pixel at article width, in canvas units. */
  px: number;
}

const NODE_BG = "#353535";
const TITLE_BG = "#2b2b2b";
const TITLE_TEXT = "#ececec";
const BODY_TEXT = "#b8b8b8";
const SUBGRAPH_BORDER = "#7aa7ff";
// Values of KSampler's "control after generate" widget: noise, not information.
const CONTROL_VALUES = new Set(["fixed", "increment", "decrement", "randomize"]);

/** A colour the author picked, if it is a plain hex colour (anything else could break the attribute). */
export function safeColor(color: string | undefined, fallback: string): string {
  return color && /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(color) ? color : fallback;
}

/** Short numbers keep the file small. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Widget values shown in a node's body, at most this many. */
const MAX_BODY_LINES = 8;

/** A widget value as one short line: text's first line, numbers rounded; nothing for lists and objects. */
function widgetText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" || CONTROL_VALUES.has(value) ? undefined : value.trim().split("\n")[0]!;
  if (typeof value === "number" && Number.isFinite(value)) return String(Number.isInteger(value) ? value : Math.round(value * 1000) / 1000);
  if (typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * The values a reader looks for (model names, seed, steps, cfg, sampler, sizes,
 * strengths), in widget order; the API format names them (`steps: 20`).
 */
export function bodyLines(node: GraphNode): string[] {
  const lines: string[] = [];
  const named = !Array.isArray(node.widgets);
  for (const [name, value] of Object.entries(node.widgets)) {
    if (lines.length >= MAX_BODY_LINES) break;
    const text = widgetText(value);
    if (text !== undefined) lines.push(named ? `${name}: ${text}` : text);
  }
  return lines;
}

function sockets(node: GraphNode, scale: SvgScale): string {
  let out = "";
  for (const side of ["in", "out"] as const) {
    (side === "in" ? node.inputs : node.outputs).forEach((slot, i) => {
      const point = slotPoint(node, side, i);
      if (point) out += `<circle cx="${n(point[0])}" cy="${n(point[1])}" r="${n(scale.dot)}" fill="${linkColor(slot.type)}"/>`;
    });
  }
  return out;
}

function titleAndBody(node: GraphNode, scale: SvgScale): string {
  const box = nodeBox(node);
  const pad = scale.font * 0.45;
  const lineHeight = scale.font * 1.2;
  const maxLines = !node.collapsed && box.h >= lineHeight * 2 + pad * 2 ? 2 : 1;
  // A long title wraps, then shrinks to 70%, and is cut only past that (never "ConditioningZe…").
  const { lines, size: titleSize } = fitTitle(node.title, box.w - pad * 2, scale.font, maxLines, scale.font * 0.7);
  const titleHeight = Math.min(box.h, Math.max(TITLE_HEIGHT, lines.length * lineHeight + pad));
  const fill = safeColor(node.color, TITLE_BG);
  const r = scale.font * 0.3;
  // Rounded top corners like the node box; square where the title bar meets the body.
  let out = `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(titleHeight)}" rx="${n(r)}" fill="${fill}"/>`;
  if (!node.collapsed && titleHeight > r) {
    out += `<rect x="${n(box.x)}" y="${n(box.y + titleHeight - r)}" width="${n(box.w)}" height="${n(r)}" fill="${fill}"/>`;
  }
  lines.forEach((line, i) => {
    const baseline = box.y + titleHeight / 2 + (i - (lines.length - 1) / 2) * lineHeight + scale.font * 0.36;
    out += `<text x="${n(box.x + pad)}" y="${n(baseline)}" font-size="${n(titleSize)}" font-weight="600" fill="${TITLE_TEXT}">${escapeXml(line)}</text>`;
  });
  if (node.collapsed) return out;

  const size = scale.font * 0.8;
  const rows = Math.max(node.inputs.filter((s) => !s.widget).length, node.outputs.length);
  let y = Math.max(box.y + titleHeight, node.pos[1] + rows * SLOT_HEIGHT) + size * 1.25;
  for (const text of bodyLines(node)) {
    if (y + size * 0.3 > box.y + box.h) break;
    out += `<text x="${n(box.x + pad)}" y="${n(y)}" font-size="${n(size)}" fill="${BODY_TEXT}">${escapeXml(fitText(text, box.w - pad * 2, size))}</text>`;
    y += size * 1.35;
  }
  return out;
}

/** SVG for one node; muted nodes are faded and dashed, bypassed ones tinted purple as in ComfyUI. */
export function drawNode(node: GraphNode, scale: SvgScale, isSubgraphInstance: boolean): string {
  const box = nodeBox(node);
  const r = node.kind === "reroute" ? box.h / 2 : scale.font * 0.3;
  const attrs =
    node.mode === "muted" ? ` opacity="0.45"` : node.mode === "bypassed" ? ` opacity="0.75"` : "";
  const stroke = isSubgraphInstance ? SUBGRAPH_BORDER : "#0d0d0d";
  const strokeWidth = isSubgraphInstance ? scale.px * 2.5 : scale.px;
  const dash = node.mode === "muted" || node.kind === "subgraph-input" || node.kind === "subgraph-output" ? ` stroke-dasharray="${n(scale.px * 6)} ${n(scale.px * 4)}"` : "";
  let out = `<g class="node ${node.mode}"${attrs}>`;
  out += `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="${n(r)}" fill="${safeColor(node.bgcolor, NODE_BG)}" stroke="${stroke}" stroke-width="${n(strokeWidth)}"${dash}/>`;
  if (node.kind === "node") out += titleAndBody(node, scale);
  if (node.mode === "bypassed") {
    out += `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="${n(r)}" fill="#FF00FF" fill-opacity="0.28"/>`;
  }
  return out + sockets(node, scale) + "</g>";
}
