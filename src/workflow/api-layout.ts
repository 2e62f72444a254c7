/**
 * Positions for a graph that has none (the API format): columns by dependency order,
 * loaders on the left and outputs on the right, as people lay workflows out by hand.
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

/** Column of each node: the length of the longest chain of dependencies leading to it. */
export function dependencyDepths(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, number> {
  const ids = new Set(nodes.map((n) => n.id));
  const sources = new Map<string, string[]>();
  for (const e of edges) {
    if (!ids.has(e.from) || !ids.has(e.to) || e.from === e.to) continue;
    sources.set(e.to, [...(sources.get(e.to) ?? []), e.from]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    // A cycle is not a valid prompt, but must not hang the build: cut it here.
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = Math.max(-1, ...(sources.get(id) ?? []).map(visit)) + 1;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const n of nodes) visit(n.id);
  return depth;
}

/** Top-left body positions for every node, columns left to right, rows ordered to shorten links. */
export function layoutByDependencies(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, Vec2> {
  const depth = dependencyDepths(nodes, edges);
  const columns: LayoutNode[][] = [];
  for (const n of nodes) (columns[depth.get(n.id) ?? 0] ??= []).push(n);

  const positions = new Map<string, Vec2>();
  const centreY = new Map<string, number>();
  let x = 0;
  for (const column of columns) {
    if (!column) continue;
    // Barycentre ordering: a node sits near the nodes that feed it.
    const weight = (n: LayoutNode, index: number) => {
      const feeders = edges.filter((e) => e.to === n.id && centreY.has(e.from)).map((e) => centreY.get(e.from)!);
      return feeders.length ? feeders.reduce((a, b) => a + b, 0) / feeders.length : index * 1e-6;
    };
    const ordered = column.map((n, i) => ({ n, w: weight(n, i) })).sort((a, b) => a.w - b.w);
    let y = TITLE_ROOM;
    for (const { n } of ordered) {
      positions.set(n.id, [x, y]);
      centreY.set(n.id, y + n.size[1] / 2);
      y += n.size[1] + ROW_GAP;
    }
    x += Math.max(...column.map((n) => n.size[0])) + COLUMN_GAP;
  }
  return positions;
}
