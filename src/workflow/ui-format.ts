/** Reads the UI (workflow) format into the graph model: nodes, links, groups, reroutes, subgraphs. */
import { defaultTitle } from "./core-nodes.ts";
import type { Graph, GraphLink, GraphNode, GraphSlot, NodeMode, Subgraph, Vec2, Workflow } from "./workflow-graph.ts";
import type { SubgraphDefinition, UiLink, UiNode, UiReroute, UiWorkflow } from "./workflow-schema.ts";

/** Ids ComfyUI gives a subgraph's input and output rails inside its definition. */
export const SUBGRAPH_INPUT_ID = "-10";
export const SUBGRAPH_OUTPUT_ID = "-20";

const DEFAULT_SIZE: Vec2 = [200, 60];
const REROUTE_SIZE: Vec2 = [75, 26];

function typeName(type: unknown): string {
  return typeof type === "string" && type !== "" ? type : "*";
}

function modeOf(mode: number | null | undefined): NodeMode {
  if (mode === 2) return "muted";
  if (mode === 4) return "bypassed";
  return "normal";
}

/** Linked sockets first; widget inputs (newer frontends list them too) in the rows below. */
function inputSlots(node: UiNode): GraphSlot[] {
  const inputs = node.inputs ?? [];
  const sockets = inputs.filter((i) => !i.widget).length;
  const rows = Math.max(sockets, node.outputs?.length ?? 0);
  let socket = 0;
  let widget = 0;
  return inputs.map((i) => ({
    name: i.name,
    type: typeName(i.type),
    row: i.widget ? rows + widget++ : socket++,
    ...(i.widget ? { widget: true } : {}),
    ...(i.link != null ? { link: String(i.link) } : {}),
  }));
}

/** Sizes as drawn: a negative size (seen in damaged files) would make invalid SVG. */
function nonNegative([w, h]: Vec2): Vec2 {
  return [Math.max(0, w), Math.max(0, h)];
}

function toNode(node: UiNode, titles: ReadonlyMap<string, string>): GraphNode {
  const reroute = node.type === "Reroute";
  return {
    id: String(node.id),
    type: node.type,
    title: node.title ?? titles.get(node.type) ?? defaultTitle(node.type),
    kind: reroute ? "reroute" : "node",
    pos: node.pos,
    size: nonNegative(node.size ?? (reroute ? REROUTE_SIZE : DEFAULT_SIZE)),
    collapsed: node.flags?.collapsed === true,
    mode: modeOf(node.mode),
    inputs: inputSlots(node),
    outputs: (node.outputs ?? []).map((o, row) => ({ name: o.name, type: typeName(o.type), row })),
    widgets: node.widgets_values ?? [],
    properties: node.properties ?? {},
    ...(node.color ? { color: node.color } : {}),
    ...(node.bgcolor ? { bgcolor: node.bgcolor } : {}),
  };
}

/** A link bent through more reroutes than this is drawn straight: no real graph has one. */
export const MAX_REROUTES_PER_LINK = 1000;

/** Reroute id → the points from the origin to it; links that share a reroute share the array. */
type ChainCache = Map<number, Vec2[]>;

/**
 * The reroute points a link passes through: its `parentId` chain, walked back to the
 * origin, once per starting reroute (a file with thousands of links through one long chain
 * must not walk it per link). A cycle ends the chain; an endless one is dropped.
 */
function rerouteChain(parentId: number | undefined, reroutes: ReadonlyMap<number, UiReroute>, cache: ChainCache): Vec2[] {
  if (parentId === undefined) return [];
  const cached = cache.get(parentId);
  if (cached) return cached;
  const points: Vec2[] = [];
  const seen = new Set<number>();
  for (let id: number | undefined = parentId; id !== undefined && !seen.has(id); ) {
    if (points.length >= MAX_REROUTES_PER_LINK) {
      points.length = 0;
      break;
    }
    seen.add(id);
    const reroute = reroutes.get(id);
    if (!reroute) break;
    points.push(reroute.pos);
    id = reroute.parentId;
  }
  points.reverse();
  cache.set(parentId, points);
  return points;
}

function toLink(link: UiLink, reroutes: ReadonlyMap<number, UiReroute>, parents: ReadonlyMap<number, number>, cache: ChainCache): GraphLink {
  const [id, from, fromSlot, to, toSlot, type] = Array.isArray(link)
    ? link
    : [link.id, link.origin_id, link.origin_slot, link.target_id, link.target_slot, link.type];
  const parentId = Array.isArray(link) ? parents.get(id) : (link.parentId ?? parents.get(id));
  return { id: String(id), from: String(from), fromSlot, to: String(to), toSlot, type: typeName(type), via: rerouteChain(parentId, reroutes, cache) };
}

interface GraphSource {
  nodes: UiNode[];
  links?: UiLink[];
  groups?: { title?: string | null; bounding: readonly [number, number, number, number]; color?: string | null }[];
  reroutes?: UiReroute[];
  linkExtensions?: { id: number; parentId: number }[];
}

function toGraph(source: GraphSource, titles: ReadonlyMap<string, string>): Graph {
  const reroutes = new Map((source.reroutes ?? []).map((r) => [r.id, r]));
  const parents = new Map((source.linkExtensions ?? []).map((e) => [e.id, e.parentId]));
  const cache: ChainCache = new Map();
  return {
    nodes: source.nodes.map((n) => toNode(n, titles)),
    links: (source.links ?? []).map((l) => toLink(l, reroutes, parents, cache)),
    groups: (source.groups ?? []).map(({ title, bounding: [x, y, w, h], color }) => ({
      title: title ?? "",
      bounding: [x, y, Math.max(0, w), Math.max(0, h)] as const,
      ...(color ? { color } : {}),
    })),
    reroutes: [...reroutes.values()].map((r) => r.pos),
  };
}

/** A subgraph's input rail (outputs into the subgraph) or output rail (inputs from it). */
function rail(def: SubgraphDefinition, side: "input" | "output"): GraphNode | null {
  const box = side === "input" ? def.inputNode : def.outputNode;
  if (!box) return null;
  const [x, y, w, h] = box.bounding;
  const slots = (side === "input" ? def.inputs : def.outputs) ?? [];
  const sockets: GraphSlot[] = slots.map((s, row) => ({ name: s.name, type: typeName(s.type), row, ...(s.pos ? { pos: s.pos } : {}) }));
  return {
    id: side === "input" ? SUBGRAPH_INPUT_ID : SUBGRAPH_OUTPUT_ID,
    type: side === "input" ? "SubgraphInput" : "SubgraphOutput",
    title: "",
    kind: side === "input" ? "subgraph-input" : "subgraph-output",
    pos: [x, y],
    size: [w, h],
    collapsed: false,
    mode: "normal",
    inputs: side === "output" ? sockets : [],
    outputs: side === "input" ? sockets : [],
    widgets: [],
    properties: {},
  };
}

function toSubgraph(def: SubgraphDefinition, titles: ReadonlyMap<string, string>): Subgraph {
  const graph = toGraph(def, titles);
  for (const side of ["input", "output"] as const) {
    const node = rail(def, side);
    if (node) graph.nodes.push(node);
  }
  return { id: def.id, name: def.name ?? def.id, graph };
}

/** Normalises a schema-checked UI-format workflow. */
export function readUiWorkflow(data: UiWorkflow): Workflow {
  const definitions = data.definitions?.subgraphs ?? [];
  const groupNodes = Object.entries(data.extra?.groupNodes ?? {});
  // A subgraph instance's type is its definition's id; a group node's is `workflow>name`.
  const titles = new Map<string, string>([
    ...definitions.map((d) => [d.id, d.name ?? d.id] as const),
    ...groupNodes.flatMap(([name]) => [[`workflow>${name}`, name] as const, [`workflow/${name}`, name] as const]),
  ]);
  const main = toGraph(
    {
      ...data,
      reroutes: data.reroutes ?? data.extra?.reroutes,
      linkExtensions: data.extra?.linkExtensions,
    },
    titles,
  );
  const groupNodeMembers = groupNodes.flatMap(([name, def]) =>
    def.nodes.map((n, i) =>
      toNode({ id: `${name}:${i}`, type: n.type, pos: [0, 0], mode: n.mode, properties: n.properties, widgets_values: n.widgets_values }, titles),
    ),
  );
  return {
    format: "ui",
    main,
    subgraphs: definitions.map((d) => toSubgraph(d, titles)),
    groupNodeMembers,
    version: data.version,
    hasExtra: typeof data.extra === "object" && data.extra !== null && !Array.isArray(data.extra),
    declaredModels: Array.isArray(data.models) ? data.models : [],
  };
}
