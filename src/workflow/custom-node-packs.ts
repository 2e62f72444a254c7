/**
 * The custom node packs a workflow needs. ComfyUI records the pack a node came from in its
 * properties: `cnr_id` (the Comfy Registry id, `comfy-core` for core nodes) with `ver`, or
 * `aux_id` (a GitHub `owner/repo`) for packs outside the registry. Nodes that record
 * neither and are not core are listed by type, so the reader can search for them.
 */
import { isCoreNodeType } from "./core-nodes.ts";
import { GITHUB_REPO } from "./metadata-check.ts";
import { allNodes, type Workflow } from "./workflow-graph.ts";

/** One pack to install; `id` is empty for the nodes whose pack is not recorded. */
export interface PackNeed {
  id: string;
  version?: string;
  /** The pack's page: the Comfy Registry for `cnr_id` packs, GitHub for `aux_id` ones. */
  url?: string;
  /** Node types of the workflow that come from this pack. */
  nodeTypes: string[];
}

/** Registry ids as the Comfy Registry makes them; anything else is shown but not linked. */
const REGISTRY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,100}$/;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Custom node packs the workflow needs (muted nodes too: ComfyUI will not load a file with unknown nodes). */
export function customNodePacks(workflow: Workflow): PackNeed[] {
  const subgraphIds = new Set(workflow.subgraphs.map((s) => s.id));
  const packs = new Map<string, PackNeed>();
  const typesOf = new Map<PackNeed, Set<string>>();
  for (const node of allNodes(workflow)) {
    if (node.kind !== "node" || subgraphIds.has(node.type) || /^workflow[>/]/.test(node.type)) continue;
    const cnrId = text(node.properties["cnr_id"]);
    const auxId = text(node.properties["aux_id"]);
    if (cnrId === "comfy-core") continue;
    if (!cnrId && !auxId && isCoreNodeType(node.type)) continue;

    const id = cnrId ?? auxId ?? "";
    const pack = packs.get(id) ?? { id, nodeTypes: [] };
    const version = text(node.properties["ver"]);
    if (id && version && !pack.version) pack.version = version;
    if (cnrId && REGISTRY_ID.test(cnrId)) pack.url = `https://registry.comfy.org/nodes/${encodeURIComponent(cnrId)}`;
    else if (!cnrId && auxId && GITHUB_REPO.test(auxId)) pack.url = `https://github.com/${auxId}`;
    const types = typesOf.get(pack) ?? new Set<string>();
    if (!types.has(node.type)) {
      types.add(node.type);
      pack.nodeTypes.push(node.type);
    }
    typesOf.set(pack, types);
    packs.set(id, pack);
  }
  // Recorded packs by id; the unrecorded remainder last.
  return [...packs.values()].sort((a, b) => (a.id === "" ? 1 : b.id === "" ? -1 : a.id.localeCompare(b.id)));
}
