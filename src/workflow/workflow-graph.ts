/**
 * The one graph model both ComfyUI formats are read into: what the preview draws, what
 * the link check inspects and where the model and custom-node lists come from.
 */

/** A point or size on the canvas: `[x, y]` or `[width, height]`. */
export type Vec2 = readonly [number, number];

/** ComfyUI's node modes: 0 always (normal), 2 never (muted), 4 bypass. */
export type NodeMode = "normal" | "muted" | "bypassed";

/** How a node is drawn: a titled box, a legacy Reroute dot, or a subgraph's input/output rail. */
export type NodeKind = "node" | "reroute" | "subgraph-input" | "subgraph-output";

/** An input or output socket. */
export interface GraphSlot {
  name: string;
  /** ComfyUI type (`MODEL`, `CLIP`, …); `*` when unknown. */
  type: string;
  /** Row in the node's socket column, counted from the top of the body. */
  row: number;
  /** Id of the link an input says it is connected to (UI format only). */
  link?: string;
  /** An input that stands for a widget (newer frontends list those too); drawn below the sockets. */
  widget?: boolean;
  /** Absolute canvas position, when the file records one (subgraph rails). */
  pos?: Vec2;
}

/** Widget values: an array in widget order (UI format) or by input name (API format). */
export type WidgetValues = readonly unknown[] | Readonly<Record<string, unknown>>;

/** One node, positioned on the canvas: `pos` is the top-left of its body, below the title bar. */
export interface GraphNode {
  id: string;
  type: string;
  /** What ComfyUI shows in the title bar. */
  title: string;
  kind: NodeKind;
  pos: Vec2;
  /** Body size, title bar excluded (as ComfyUI stores it). */
  size: Vec2;
  collapsed: boolean;
  mode: NodeMode;
  inputs: GraphSlot[];
  outputs: GraphSlot[];
  widgets: WidgetValues;
  properties: Readonly<Record<string, unknown>>;
  /** Title-bar and body colours the author picked (unchecked strings from the file). */
  color?: string;
  bgcolor?: string;
}

/** A link from an output slot to an input slot, possibly bent through native reroutes. */
export interface GraphLink {
  id: string;
  from: string;
  fromSlot: number;
  to: string;
  toSlot: number;
  type: string;
  /** Reroute points between origin and target, in order. */
  via: readonly Vec2[];
  /** API format: the input that holds the link, for messages. */
  inputName?: string;
}

/** A labelled box grouping nodes; `bounding` is `[x, y, width, height]`. */
export interface GraphGroup {
  title: string;
  bounding: readonly [number, number, number, number];
  color?: string;
}

/** One canvas: the top-level graph or a subgraph definition. */
export interface Graph {
  nodes: GraphNode[];
  links: GraphLink[];
  groups: GraphGroup[];
  /** Native (link-level) reroute points, drawn as dots. */
  reroutes: Vec2[];
}

/** A subgraph definition, drawn as its own panel below the main graph. */
export interface Subgraph {
  id: string;
  name: string;
  graph: Graph;
}

/** A workflow file, read and normalised. */
export interface Workflow {
  format: "ui" | "api";
  main: Graph;
  subgraphs: Subgraph[];
  /** Inner nodes of legacy group nodes (`extra.groupNodes`), scanned for models and packs. */
  groupNodeMembers: GraphNode[];
  /** The file's schema `version` as written (UI format; ComfyUI reads 0.4 and 1). */
  version?: unknown;
  /** Whether the file has an `extra` object: ComfyUI's paste takes only text that does. */
  hasExtra: boolean;
  /** Top-level `models` records (`{ name, url, hash?, hash_type?, directory }`), unchecked. */
  declaredModels: readonly unknown[];
}

/** Every node of the workflow: top level, inside subgraphs and inside group-node definitions. */
export function allNodes(workflow: Workflow): GraphNode[] {
  return [
    ...workflow.main.nodes,
    ...workflow.subgraphs.flatMap((s) => s.graph.nodes),
    ...workflow.groupNodeMembers,
  ];
}

/** The number of nodes a reader sees on ComfyUI's canvas when the file is opened. */
export function nodeCount(workflow: Workflow): number {
  return workflow.main.nodes.length;
}
