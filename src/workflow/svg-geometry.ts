/** Where things are on ComfyUI's canvas: node boxes, socket points, a graph's extent. */
import { textWidth } from "./svg-text.ts";
import type { Graph, GraphNode, Vec2 } from "./workflow-graph.ts";

/** LiteGraph's title bar height and socket row height, in canvas units. */
export const TITLE_HEIGHT = 30;
export const SLOT_HEIGHT = 20;

/** An axis-aligned rectangle. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Whether a node is drawn with a title bar. */
export function hasTitle(node: GraphNode): boolean {
  return node.kind === "node";
}

/** The rectangle a node covers, title bar included (ComfyUI's `pos` is the top of the body). */
export function nodeBox(node: GraphNode): Box {
  const [x, y] = node.pos;
  const [w, h] = node.size;
  if (!hasTitle(node)) return { x, y, w, h };
  if (node.collapsed) return { x, y: y - TITLE_HEIGHT, w: Math.min(textWidth(node.title, 14) + 40, 400), h: TITLE_HEIGHT };
  return { x, y: y - TITLE_HEIGHT, w, h: h + TITLE_HEIGHT };
}

/** Where a link meets input or output `index` of a node; null when the node has no such socket. */
export function slotPoint(node: GraphNode, side: "in" | "out", index: number): Vec2 | null {
  const slot = (side === "in" ? node.inputs : node.outputs)[index];
  if (!slot) return null;
  const box = nodeBox(node);
  const x = side === "in" ? box.x : box.x + box.w;
  if (slot.pos) return [slot.pos[0], slot.pos[1]];
  if (node.kind === "reroute") return [x, box.y + box.h / 2];
  if (node.kind !== "node") return [x, box.y + SLOT_HEIGHT * (slot.row + 1)];
  if (node.collapsed) return [x, box.y + TITLE_HEIGHT / 2];
  return [x, node.pos[1] + (slot.row + 0.7) * SLOT_HEIGHT];
}

/** The smallest box holding every node, group and reroute of the graph (loops: 200,000 groups must not overflow a spread). */
export function graphBounds(graph: Graph): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number, w: number, h: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + Math.max(w, 0));
    maxY = Math.max(maxY, y + Math.max(h, 0));
  };
  for (const node of graph.nodes) {
    const b = nodeBox(node);
    add(b.x, b.y, b.w, b.h);
  }
  for (const { bounding: [x, y, w, h] } of graph.groups) add(x, y, w, h);
  for (const [x, y] of graph.reroutes) add(x - 10, y - 10, 20, 20);
  if (minX === Infinity) return { x: 0, y: 0, w: 1, h: 1 };
  return { x: minX, y: minY, w: Math.max(maxX - minX, 1), h: Math.max(maxY - minY, 1) };
}
