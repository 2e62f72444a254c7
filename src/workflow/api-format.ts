/** Reads the API (prompt) format into the graph model, laying it out by dependency order. */
import { layoutByDependencies } from "./api-layout.ts";
import { defaultTitle } from "./core-nodes.ts";
import { typeFromInputName } from "./link-colors.ts";
import type { GraphLink, GraphNode, GraphSlot, Workflow } from "./workflow-graph.ts";
import type { ApiWorkflow } from "./workflow-schema.ts";

const NODE_WIDTH = 320;
const SLOT_HEIGHT = 20;
// Taller than ComfyUI's widget rows: the preview writes values at a legible size.
const WIDGET_HEIGHT = 28;

/** `["4", 1]`: output 1 of node 4. Anything else is a widget value. */
function asLink(value: unknown): [string, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, slot] = value as unknown[];
  if ((typeof id !== "string" && typeof id !== "number") || !Number.isInteger(slot) || (slot as number) < 0) return null;
  return [String(id), slot as number];
}

/** Normalises a schema-checked API-format workflow. */
export function readApiWorkflow(data: ApiWorkflow): Workflow {
  const links: GraphLink[] = [];
  const inputsOf = new Map<string, GraphSlot[]>();
  const widgetsOf = new Map<string, Record<string, unknown>>();
  for (const [id, node] of Object.entries(data)) {
    const slots: GraphSlot[] = [];
    const widgets: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node.inputs)) {
      const link = asLink(value);
      if (!link) {
        widgets[name] = value;
        continue;
      }
      const type = typeFromInputName(name);
      links.push({ id: `${id}:${name}`, from: link[0], fromSlot: link[1], to: id, toSlot: slots.length, type, via: [], inputName: name });
      slots.push({ name, type, row: slots.length });
    }
    inputsOf.set(id, slots);
    widgetsOf.set(id, widgets);
  }

  // Outputs are only known through the inputs that use them: as many as the highest index used.
  const outputsOf = new Map<string, GraphSlot[]>();
  for (const link of links) {
    const outputs = outputsOf.get(link.from) ?? [];
    for (let row = outputs.length; row <= link.fromSlot; row++) outputs.push({ name: "*", type: "*", row });
    const slot = outputs[link.fromSlot]!;
    if (slot.type === "*") outputs[link.fromSlot] = { name: link.type, type: link.type, row: link.fromSlot };
    outputsOf.set(link.from, outputs);
  }

  const sized = Object.keys(data).map((id) => {
    const rows = Math.max(inputsOf.get(id)!.length, outputsOf.get(id)?.length ?? 0);
    const widgetRows = Object.keys(widgetsOf.get(id)!).length;
    return { id, size: [NODE_WIDTH, rows * SLOT_HEIGHT + widgetRows * WIDGET_HEIGHT + 30] as const };
  });
  const positions = layoutByDependencies(sized, links);

  const nodes: GraphNode[] = sized.map(({ id, size }) => {
    const node = data[id]!;
    return {
      id,
      type: node.class_type,
      title: node._meta?.title ?? defaultTitle(node.class_type),
      kind: "node",
      pos: positions.get(id) ?? [0, 0],
      size,
      collapsed: false,
      mode: "normal",
      inputs: inputsOf.get(id)!,
      outputs: outputsOf.get(id) ?? [],
      widgets: widgetsOf.get(id)!,
      properties: {},
    };
  });
  return { format: "api", main: { nodes, links, groups: [], reroutes: [] }, subgraphs: [], groupNodeMembers: [], hasExtra: false, declaredModels: [] };
}
