/**
 * The model files a workflow loads and the `ComfyUI/models/` folder each belongs in, read
 * from the workflow's own `models` metadata (node-level, top-level, inside subgraphs; see
 * declared-models.ts) and, where that says nothing, inferred from loader nodes' widget
 * values and `embedding:` references in prompts.
 */
import { isCoreNodeType } from "./core-nodes.ts";
import { declaredModels, type DeclaredModel } from "./declared-models.ts";
import { LEGACY_FOLDERS } from "./model-folders.ts";
import { allNodes, type GraphNode, type Workflow } from "./workflow-graph.ts";

/** One model file to download. `folder` is empty when nothing says where it goes. */
export interface ModelNeed {
  file: string;
  folder: string;
  /** The folder's older name, which ComfyUI still reads (`clip`, `unet`). */
  legacyFolder?: string;
  /** Titles of the nodes that load it (none for a top-level record no node uses). */
  nodes: string[];
  /** An https download address from the metadata. */
  url?: string;
  /** The file's hash from the metadata, lower-case hex, and its kind (`sha256`). */
  hash?: string;
  hashType?: string;
}

type Widget = readonly [input: string, index: number, folder: string];

/** Core (and a few ubiquitous custom) loaders: widget name, its position in `widgets_values`, folder. */
const LOADERS: Readonly<Record<string, readonly Widget[]>> = {
  CheckpointLoaderSimple: [["ckpt_name", 0, "checkpoints"]],
  CheckpointLoader: [["config_name", 0, "configs"], ["ckpt_name", 1, "checkpoints"]],
  ImageOnlyCheckpointLoader: [["ckpt_name", 0, "checkpoints"]],
  unCLIPCheckpointLoader: [["ckpt_name", 0, "checkpoints"]],
  LoraLoader: [["lora_name", 0, "loras"]],
  LoraLoaderModelOnly: [["lora_name", 0, "loras"]],
  VAELoader: [["vae_name", 0, "vae"]],
  CLIPLoader: [["clip_name", 0, "text_encoders"]],
  DualCLIPLoader: [["clip_name1", 0, "text_encoders"], ["clip_name2", 1, "text_encoders"]],
  TripleCLIPLoader: [1, 2, 3].map((n) => [`clip_name${n}`, n - 1, "text_encoders"] as const),
  QuadrupleCLIPLoader: [1, 2, 3, 4].map((n) => [`clip_name${n}`, n - 1, "text_encoders"] as const),
  UNETLoader: [["unet_name", 0, "diffusion_models"]],
  ControlNetLoader: [["control_net_name", 0, "controlnet"]],
  DiffControlNetLoader: [["control_net_name", 0, "controlnet"]],
  UpscaleModelLoader: [["model_name", 0, "upscale_models"]],
  CLIPVisionLoader: [["clip_name", 0, "clip_vision"]],
  StyleModelLoader: [["style_model_name", 0, "style_models"]],
  GLIGENLoader: [["gligen_name", 0, "gligen"]],
  HypernetworkLoader: [["hypernetwork_name", 0, "hypernetworks"]],
  PhotoMakerLoader: [["photomaker_model_name", 0, "photomaker"]],
  ModelPatchLoader: [["name", 0, "model_patches"]],
  // ComfyUI-GGUF: quantised models read from the same folders.
  UnetLoaderGGUF: [["unet_name", 0, "diffusion_models"]],
  CLIPLoaderGGUF: [["clip_name", 0, "text_encoders"]],
  DualCLIPLoaderGGUF: [["clip_name1", 0, "text_encoders"], ["clip_name2", 1, "text_encoders"]],
};

const FOLDER_ORDER = ["checkpoints", "diffusion_models", "text_encoders", "vae", "loras", "embeddings", "controlnet", "clip_vision", "style_models", "upscale_models"];

const MODEL_FILE = /\.(safetensors|ckpt|pt|pth|bin|gguf|sft|onnx)$/i;
const EMBEDDING = /embedding:([^\s,()]+)/gi;

function widgetValue(node: GraphNode, input: string, index: number): unknown {
  return Array.isArray(node.widgets) ? node.widgets[index] : (node.widgets as Record<string, unknown>)[input];
}

function isFileName(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "" && value.toLowerCase() !== "none";
}

function stringWidgets(node: GraphNode): string[] {
  return Object.values(node.widgets).filter((v): v is string => typeof v === "string");
}

/** Every model file the workflow's active (not muted, not bypassed) nodes load, and every top-level record. */
export function modelRequirements(workflow: Workflow): ModelNeed[] {
  const needs = new Map<string, ModelNeed>();
  const titles = new Map<ModelNeed, Set<string>>();
  const { models } = declaredModels(workflow);
  // A node's own records first, then the file's top-level ones, looked up by file name.
  const byNode = new Map<GraphNode, Map<string, DeclaredModel>>();
  const topLevel = new Map<string, DeclaredModel>();
  for (const m of models) {
    if (!m.node) {
      if (!topLevel.has(m.name)) topLevel.set(m.name, m);
      continue;
    }
    const own = byNode.get(m.node) ?? new Map<string, DeclaredModel>();
    if (!own.has(m.name)) own.set(m.name, m);
    byNode.set(m.node, own);
  }
  const recordOf = (node: GraphNode | undefined, file: string) => (node && byNode.get(node)?.get(file)) || topLevel.get(file);

  const add = (file: string, inferredFolder: string, node: GraphNode | undefined) => {
    const record = recordOf(node, file);
    const folder = record?.directory ?? inferredFolder;
    const key = `${folder}\n${file}`;
    let need = needs.get(key);
    if (!need) {
      need = { file, folder, nodes: [], ...(LEGACY_FOLDERS[folder] ? { legacyFolder: LEGACY_FOLDERS[folder] } : {}) };
      needs.set(key, need);
      titles.set(need, new Set());
    }
    if (node && !titles.get(need)!.has(node.title)) {
      titles.get(need)!.add(node.title);
      need.nodes.push(node.title);
    }
    if (record?.url && !need.url) need.url = record.url;
    if (record?.hash && !need.hash) {
      need.hash = record.hash;
      if (record.hashType) need.hashType = record.hashType;
    }
  };

  // Subgraph and group-node instances hold copies of their members' values; the members count.
  const containers = new Set(workflow.subgraphs.map((s) => s.id));
  for (const node of allNodes(workflow)) {
    if (/^workflow[>/]/.test(node.type)) containers.add(node.type);
  }
  for (const node of allNodes(workflow)) {
    if (node.mode !== "normal") continue;
    const loader = LOADERS[node.type];
    for (const [input, index, folder] of loader ?? []) {
      const file = widgetValue(node, input, index);
      if (isFileName(file)) add(file, folder, node);
    }
    for (const text of stringWidgets(node)) {
      for (const m of text.matchAll(EMBEDDING)) add(m[1]!.replace(/:[\d.]+$/, ""), "embeddings", node);
      // A custom loader: its model-file widget values, in the folder the metadata gives if any.
      if (!loader && !isCoreNodeType(node.type) && !containers.has(node.type) && MODEL_FILE.test(text.trim())) add(text.trim(), "", node);
    }
    // What a node declares but no widget names (a template's record for a file it downloads).
    for (const record of byNode.get(node)?.values() ?? []) {
      if (!record.directory) continue;
      if (!needs.has(`${record.directory}\n${record.name}`)) add(record.name, record.directory, node);
    }
  }
  const listed = new Set([...needs.values()].map((need) => need.file));
  for (const record of topLevel.values()) {
    if (!listed.has(record.name)) add(record.name, record.directory ?? "", undefined);
  }
  const rank = (folder: string) => (folder === "" ? 99 : FOLDER_ORDER.indexOf(folder) + 1 || 50);
  return [...needs.values()].sort((a, b) => rank(a.folder) - rank(b.folder) || a.file.localeCompare(b.file));
}
