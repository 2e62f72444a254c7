/**
 * The preview of a workflow past the preview caps (preview-limits.ts): each panel's nodes
 * as plain boxes and its groups as outlines, no text, sockets or links, and at most
 * MAX_BOXES of them, so the file stays small and quick to draw whatever the input.
 */
import { graphBounds, nodeBox } from "./svg-geometry.ts";
import { svgDocument, type Preview } from "./svg-document.ts";
import { n } from "./svg-node.ts";
import type { Workflow } from "./workflow-graph.ts";

/** Boxes drawn at most, all panels together. */
export const MAX_BOXES = 10_000;

/** Draws the simplified preview; `reason` says which cap was passed. */
export function drawSimplified(workflow: Workflow, title: string, metadata: string, reason: string): Preview {
  const graphs = [workflow.main, ...workflow.subgraphs.map((s) => s.graph)];
  let budget = MAX_BOXES;
  let width = 1;
  for (const graph of graphs) width = Math.max(width, graphBounds(graph).w);
  const pad = Math.max(20, width / 50);
  let body = "";
  let y = pad;
  for (const graph of graphs) {
    if (budget <= 0) break;
    const bounds = graphBounds(graph);
    body += `<g transform="translate(${n(pad - bounds.x)} ${n(y - bounds.y)})">`;
    for (const group of graph.groups) {
      if (budget-- <= 0) break;
      const [x, gy, w, h] = group.bounding;
      body += `<rect x="${n(x)}" y="${n(gy)}" width="${n(w)}" height="${n(h)}" fill="none" stroke="#3f789e"/>`;
    }
    for (const node of graph.nodes) {
      if (budget-- <= 0) break;
      const b = nodeBox(node);
      body += `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" fill="#353535"/>`;
    }
    body += "</g>";
    y += bounds.h + pad;
  }
  return { ...svgDocument(width + pad * 2, y, title, metadata, body), simplified: reason };
}
