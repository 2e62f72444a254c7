/**
 * How much a preview may draw. Past any cap the preview is simplified (node boxes only,
 * see svg-simplified.ts) and the author warned: a hostile or machine-made file must not
 * make a build slow or a page heavy. Real guides' workflows stay far below these.
 */
import { allNodes, type Workflow } from "./workflow-graph.ts";

/** The caps, documented in the README ("Workflow blocks"). */
export const PREVIEW_LIMITS = {
  /** Nodes, in the main graph and every subgraph together. */
  nodes: 3_000,
  /** Groups, all graphs together. */
  groups: 1_000,
  /** Points links pass through (reroutes), all links together. */
  linkPoints: 50_000,
  /** Bytes of a drawn preview, workflow metadata aside. */
  bytes: 4_000_000,
} as const;

/** Why the full drawing would be too big, or undefined when it fits the caps. */
export function overPreviewLimit(workflow: Workflow): string | undefined {
  const graphs = [workflow.main, ...workflow.subgraphs.map((s) => s.graph)];
  const nodes = allNodes(workflow).length - workflow.groupNodeMembers.length;
  if (nodes > PREVIEW_LIMITS.nodes) return `${nodes} nodes (more than ${PREVIEW_LIMITS.nodes})`;
  let groups = 0;
  let points = 0;
  for (const graph of graphs) {
    groups += graph.groups.length;
    for (const link of graph.links) points += link.via.length;
  }
  if (groups > PREVIEW_LIMITS.groups) return `${groups} groups (more than ${PREVIEW_LIMITS.groups})`;
  if (points > PREVIEW_LIMITS.linkPoints) return `links through ${points} reroute points (more than ${PREVIEW_LIMITS.linkPoints})`;
  return undefined;
}
