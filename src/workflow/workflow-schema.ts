/**
 * Schemas of the two ComfyUI workflow formats, checked at the edge. They require what the
 * site reads (ids, positions, links) and let everything else through untouched, so files
 * saved by newer ComfyUI versions keep working.
 */
import { z } from "zod";

/** Canvas coordinates and sizes beyond this are clamped: 1e308 would make `Infinity` in the preview. */
export const COORD_LIMIT = 1_000_000;

const num = z
  .number({ error: "must be a number" })
  .finite()
  .transform((v) => Math.min(COORD_LIMIT, Math.max(-COORD_LIMIT, v)));
const nodeId = z.union([z.number().int(), z.string().min(1)], { error: "must be a node id (number or string)" });

/** `[x, y]`; some frontends saved typed arrays as `{"0": x, "1": y}`. */
const vec2 = z.union(
  [
    z.array(num).min(2).transform((v) => [v[0]!, v[1]!] as const),
    z.object({ 0: num, 1: num }).transform((v) => [v[0], v[1]] as const),
  ],
  { error: "must be [x, y]" },
);

const rect = z.array(num).min(4, "must be [x, y, width, height]").transform((v) => [v[0]!, v[1]!, v[2]!, v[3]!] as const);

const input = z.looseObject({
  name: z.string(),
  type: z.unknown().optional(),
  link: z.number().int().nullable().optional(),
  widget: z.looseObject({ name: z.string() }).optional(),
  pos: vec2.optional(),
});

const output = z.looseObject({
  name: z.string(),
  type: z.unknown().optional(),
  links: z.array(z.number().int()).nullable().optional(),
  pos: vec2.optional(),
});

/** A node of the UI format. */
export const uiNode = z.looseObject({
  id: nodeId,
  type: z.string({ error: "must be the node type" }),
  pos: vec2,
  size: vec2.nullish(),
  title: z.string().nullish(),
  mode: z.number().int().nullish(),
  flags: z.looseObject({ collapsed: z.boolean().nullish() }).nullish(),
  inputs: z.array(input).nullish(),
  outputs: z.array(output).nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
  widgets_values: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).nullish(),
  color: z.string().nullish(),
  bgcolor: z.string().nullish(),
});

/** Schema 0.4 link: `[id, origin_id, origin_slot, target_id, target_slot, type]`. */
const linkArray = z.tuple([z.number().int(), nodeId, z.number().int(), nodeId, z.number().int()], z.unknown());

/** Schema 1 link object (also used inside subgraph definitions). */
const linkObject = z.looseObject({
  id: z.number().int(),
  origin_id: nodeId,
  origin_slot: z.number().int(),
  target_id: nodeId,
  target_slot: z.number().int(),
  type: z.unknown().optional(),
  parentId: z.number().int().optional(),
});

const link = z.union([linkArray, linkObject], {
  error: "must be [id, origin_id, origin_slot, target_id, target_slot, type] or a link object",
});

const group = z.looseObject({ title: z.string().nullish(), bounding: rect, color: z.string().nullish() });

const reroute = z.looseObject({ id: z.number().int(), parentId: z.number().int().optional(), pos: vec2 });
const linkExtension = z.looseObject({ id: z.number().int(), parentId: z.number().int() });

const rail = z.looseObject({ bounding: rect });
const railSlot = z.looseObject({ name: z.string(), type: z.unknown().optional(), pos: vec2.optional() });

/** A subgraph definition (`definitions.subgraphs[]`): a graph of its own with input and output rails. */
export const subgraphDefinition = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  nodes: z.array(uiNode),
  links: z.array(link).optional(),
  groups: z.array(group).optional(),
  reroutes: z.array(reroute).optional(),
  inputNode: rail.optional(),
  outputNode: rail.optional(),
  inputs: z.array(railSlot).optional(),
  outputs: z.array(railSlot).optional(),
});

/** A legacy group node's definition (`extra.groupNodes[name]`): only its member nodes are read. */
const groupNodeDefinition = z.looseObject({
  nodes: z.array(
    z.looseObject({
      type: z.string(),
      mode: z.number().int().nullish(),
      properties: z.record(z.string(), z.unknown()).nullish(),
      widgets_values: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).nullish(),
    }),
  ),
});

/** The UI (workflow) format: what ComfyUI's "Save" and "Export" write. */
export const uiWorkflow = z.looseObject({
  nodes: z.array(uiNode, { error: "must be an array of nodes" }),
  // Read as they are and judged by metadata-check.ts: a bad value lowers quality, it does not stop the build.
  version: z.unknown().optional(),
  models: z.unknown().optional(),
  links: z.array(link).optional(),
  groups: z.array(group).optional(),
  reroutes: z.array(reroute).optional(),
  definitions: z.looseObject({ subgraphs: z.array(subgraphDefinition).optional() }).optional(),
  extra: z
    .looseObject({
      reroutes: z.array(reroute).optional(),
      linkExtensions: z.array(linkExtension).optional(),
      groupNodes: z.record(z.string(), groupNodeDefinition).optional(),
    })
    .nullable()
    .optional(),
});

/** One node of the API (prompt) format. */
export const apiNode = z.looseObject({
  class_type: z.string({ error: "must be the node's class name" }),
  inputs: z.record(z.string(), z.unknown(), { error: "must be an object of inputs" }),
  _meta: z.looseObject({ title: z.string().nullish() }).nullish(),
});

/** The API (prompt) format: `{ "<id>": { class_type, inputs } }`, what "Export (API)" writes. */
export const apiWorkflow = z.record(z.string(), apiNode);

/** What the schemas accept, as types (the readers' inputs). */
export type UiWorkflow = z.infer<typeof uiWorkflow>;
export type UiNode = z.infer<typeof uiNode>;
export type UiLink = z.infer<typeof link>;
export type UiReroute = z.infer<typeof reroute>;
export type SubgraphDefinition = z.infer<typeof subgraphDefinition>;
export type ApiWorkflow = z.infer<typeof apiWorkflow>;
