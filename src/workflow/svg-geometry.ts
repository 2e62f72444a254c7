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

/** The smallest box holding every node, group and reroute of the graph. */
export function graphBounds(graph: Graph): Box {
  const boxes: Box[] = [
    ...graph.nodes.map(nodeBox),
    ...graph.groups.map(({ bounding: [x, y, w, h] }) => ({ x, y, w, h })),
    ...graph.reroutes.map(([x, y]) => ({ x: x - 10, y: y - 10, w: 20, h: 20 })),
  ];
  if (boxes.length === 0) return { x: 0, y: 0, w: 1, h: 1 };
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + Math.max(b.w, 0)));
  const maxY = Math.max(...boxes.map((b) => b.y + Math.max(b.h, 0)));
  return { x: minX, y: minY, w: Math.max(maxX - minX, 1), h: Math.max(maxY - minY, 1) };
}
