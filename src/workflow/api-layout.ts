/**
 * Positions for a graph that has none (the API format): columns by dependency order,
 * loaders on the left and outputs on the right, as people lay workflows out by hand.
 * Every walk here is iterative and every lookup indexed: a prompt of tens of thousands of
 * nodes, a chain thousands deep or a cycle must lay out, not overflow the stack or stall.
 */
import type { Vec2 } from "./workflow-graph.ts";

/** What the layout needs to know of a node. */
export interface LayoutNode {
  id: string;
  size: Vec2;
}

/** A dependency: `to` takes an output of `from`. */
export interface LayoutEdge {
  from: string;
  to: string;
}

/** Room between columns (for links) and between stacked nodes, in canvas units. */
const COLUMN_GAP = 120;
const ROW_GAP = 70;
/** Room above each body for the title bar, which sits above `pos`. */
const TITLE_ROOM = 30;

/** The nodes each node takes an output of (self-loops and unknown ids left out). */
function feedersOf(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, string[]> {
  const feeders = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (e.from === e.to || !feeders.has(e.from)) continue;
    feeders.get(e.to)?.push(e.from);
  }
  return feeders;
}

/** Column of each node: the length of the longest chain of dependencies leading to it. */
export function dependencyDepths(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, number> {
  const feeders = feedersOf(nodes, edges);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  // A depth-first walk with its own stack; each frame is a node and how many feeders it has read.
  for (const start of nodes) {
    if (depth.has(start.id)) continue;
    const stack: { id: string; next: number; deepest: number }[] = [{ id: start.id, next: 0, deepest: -1 }];
    visiting.add(start.id);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const sources = feeders.get(frame.id)!;
      if (frame.next < sources.length) {
        const source = sources[frame.next++]!;
        const known = depth.get(source);
        if (known !== undefined) frame.deepest = Math.max(frame.deepest, known);
        // A cycle is not a valid prompt, but must not hang the build: the edge back counts as 0.
        else if (visiting.has(source)) frame.deepest = Math.max(frame.deepest, 0);
        else {
          visiting.add(source);
          stack.push({ id: source, next: 0, deepest: -1 });
        }
        continue;
      }
      stack.pop();
      visiting.delete(frame.id);
      const d = frame.deepest + 1;
      depth.set(frame.id, d);
      const parent = stack[stack.length - 1];
      if (parent) parent.deepest = Math.max(parent.deepest, d);
    }
  }
  return depth;
}

/** Top-left body positions for every node, columns left to right, rows ordered to shorten links. */
export function layoutByDependencies(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, Vec2> {
  const depth = dependencyDepths(nodes, edges);
  const feeders = feedersOf(nodes, edges);
  const columns: LayoutNode[][] = [];
  for (const n of nodes) (columns[depth.get(n.id) ?? 0] ??= []).push(n);

  const positions = new Map<string, Vec2>();
  const centreY = new Map<string, number>();
  let x = 0;
  for (const column of columns) {
    if (!column) continue;
    // Barycentre ordering: a node sits near the nodes that feed it.
    const weight = (n: LayoutNode, index: number) => {
      let sum = 0;
      let count = 0;
      for (const from of feeders.get(n.id)!) {
        const y = centreY.get(from);
        if (y === undefined) continue;
        sum += y;
        count++;
      }
      return count ? sum / count : index * 1e-6;
    };
    const ordered = column.map((n, i) => ({ n, w: weight(n, i) })).sort((a, b) => a.w - b.w);
    let y = TITLE_ROOM;
    let widest = 0;
    for (const { n } of ordered) {
      positions.set(n.id, [x, y]);
      centreY.set(n.id, y + n.size[1] / 2);
      y += n.size[1] + ROW_GAP;
      widest = Math.max(widest, n.size[0]);
    }
    x += widest + COLUMN_GAP;
  }
  return positions;
}
