/**
 * The static SVG preview of a workflow: nodes at their canvas positions with their titles,
 * links coloured by type, groups as labelled boxes, subgraph definitions as panels below
 * the main graph. Text is sized so that it stays legible when the preview is shown at
 * article width; the full-size file is a click away.
 */
import { linkColor } from "./link-colors.ts";
import { overPreviewLimit, PREVIEW_LIMITS } from "./preview-limits.ts";
import { svgDocument, type Preview } from "./svg-document.ts";
import { graphBounds, slotPoint } from "./svg-geometry.ts";
import { drawNode, n, safeColor, type SvgScale } from "./svg-node.ts";
import { drawSimplified } from "./svg-simplified.ts";
import { escapeXml, fitText } from "./svg-text.ts";
import type { Graph, GraphLink, GraphNode, Vec2, Workflow } from "./workflow-graph.ts";

export type { Preview } from "./svg-document.ts";

/** Width the preview is shown at inside an article; text is sized to be legible there. */
export const ARTICLE_WIDTH = 680;
/** Smallest legible title on screen at article width, in CSS pixels. */
const MIN_SCREEN_FONT = 11;
const GROUP_COLOR = "#3f789e";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A bezier with horizontal tangents through each point, as ComfyUI draws links. */
function linkPath(points: readonly Vec2[]): string {
  let d = `M${n(points[0]![0])} ${n(points[0]![1])}`;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1]!;
    const [x2, y2] = points[i]!;
    const bend = Math.max(Math.abs(x2 - x1) * 0.5, 40);
    d += `C${n(x1 + bend)} ${n(y1)} ${n(x2 - bend)} ${n(y2)} ${n(x2)} ${n(y2)}`;
  }
  return d;
}

function drawLink(link: GraphLink, nodes: ReadonlyMap<string, GraphNode>, scale: SvgScale): string {
  const from = nodes.get(link.from);
  const to = nodes.get(link.to);
  const start = from && slotPoint(from, "out", link.fromSlot);
  const end = to && slotPoint(to, "in", link.toSlot);
  if (!start || !end) return "";
  const muted = from.mode !== "normal" || to.mode !== "normal" ? ` stroke-opacity="0.45"` : "";
  return `<path d="${linkPath([start, ...link.via, end])}" fill="none" stroke="${linkColor(link.type)}" stroke-width="${n(scale.line)}"${muted}/>`;
}

function drawGroup(group: Graph["groups"][number], scale: SvgScale): string {
  const [x, y, w, h] = group.bounding;
  const color = safeColor(group.color, GROUP_COLOR);
  const size = scale.font * 1.05;
  const band = Math.min(h, size * 1.6);
  return (
    `<g class="group"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(scale.px * 4)}" fill="${color}" fill-opacity="0.2" stroke="${color}" stroke-width="${n(scale.px * 1.5)}"/>` +
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(band)}" fill="${color}" fill-opacity="0.5"/>` +
    `<text x="${n(x + size * 0.4)}" y="${n(y + band / 2 + size * 0.36)}" font-size="${n(size)}" font-weight="600" fill="#f2f2f2">${escapeXml(fitText(group.title, w - size * 0.8, size))}</text></g>`
  );
}

/** One canvas: groups under links under nodes, as ComfyUI layers them. */
function drawGraph(graph: Graph, scale: SvgScale, subgraphIds: ReadonlySet<string>): string {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  return (
    graph.groups.map((g) => drawGroup(g, scale)).join("") +
    graph.links.map((l) => drawLink(l, nodes, scale)).join("") +
    graph.reroutes.map(([x, y]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(scale.dot * 1.3)}" fill="#c8c8c8"/>`).join("") +
    graph.nodes.map((node) => drawNode(node, scale, subgraphIds.has(node.type))).join("")
  );
}

/**
 * Draws the workflow; `title` names the file inside the SVG and `metadata` (a `<metadata>`
 * element, see svg-metadata.ts) carries the workflow itself. Past the preview caps the
 * drawing is simplified, and `simplified` says why.
 */
export function drawWorkflow(workflow: Workflow, title: string, metadata = ""): Preview {
  const over = overPreviewLimit(workflow);
  if (over) return drawSimplified(workflow, title, metadata, over);
  const full = drawFull(workflow, title, metadata);
  const bytes = full.svg.length - metadata.length;
  if (bytes <= PREVIEW_LIMITS.bytes) return full;
  return drawSimplified(workflow, title, metadata, `a drawing of ${(bytes / 1e6).toFixed(1)} MB (more than ${PREVIEW_LIMITS.bytes / 1e6} MB)`);
}

function drawFull(workflow: Workflow, title: string, metadata: string): Preview {
  const panels = [
    { label: "", graph: workflow.main },
    ...workflow.subgraphs.map((s) => ({ label: s.name, graph: s.graph })),
  ].map((panel) => ({ ...panel, bounds: graphBounds(panel.graph) }));
  let contentWidth = 1;
  for (const p of panels) contentWidth = Math.max(contentWidth, p.bounds.w);
  // The padding around the graph is one title size on each side, so at article width the
  // graph gets ARTICLE_WIDTH minus two minimum titles.
  const shrink = Math.min(1, (ARTICLE_WIDTH - 2 * MIN_SCREEN_FONT) / contentWidth);
  const font = clamp(MIN_SCREEN_FONT / shrink, 14, 48);
  const scale: SvgScale = { font, line: clamp(2.2 / shrink, 2.5, 9), dot: clamp(2.6 / shrink, 3.5, 8), px: 1 / shrink };
  const pad = font;
  const subgraphIds = new Set(workflow.subgraphs.map((s) => s.id));

  let body = "";
  let y = pad;
  for (const { label, graph, bounds } of panels) {
    if (label) {
      body += `<text x="${n(pad)}" y="${n(y + font)}" font-size="${n(font * 1.1)}" font-weight="600" fill="#dddddd">${escapeXml(fitText(label, contentWidth, font * 1.1))}</text>`;
      y += font * 2;
      body += `<rect x="${n(pad - font / 2)}" y="${n(y - font / 2)}" width="${n(bounds.w + font)}" height="${n(bounds.h + font)}" fill="none" stroke="#5a5a5a" stroke-width="${n(scale.px * 1.5)}" stroke-dasharray="${n(scale.px * 8)} ${n(scale.px * 5)}"/>`;
    }
    body += `<g transform="translate(${n(pad - bounds.x)} ${n(y - bounds.y)})">${drawGraph(graph, scale, subgraphIds)}</g>`;
    y += bounds.h + pad * (label ? 1.5 : 1);
  }
  return svgDocument(contentWidth + pad * 2, y, title, metadata, body);
}
