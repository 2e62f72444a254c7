/**
 * The model files a workflow loads and the `ComfyUI/models/` folder each belongs in, read
 * from loader nodes' widget values, `embedding:` references in prompts, and the
 * `properties.models` records recent ComfyUI templates carry (name, url, directory).
 */
import { isSafeUrl } from "../markdown/safe-url.ts";
import { isCoreNodeType } from "./core-nodes.ts";
import { allNodes, type GraphNode, type Workflow } from "./workflow-graph.ts";

/** One model file to download. `folder` is empty when the node does not say where it goes. */
export interface ModelNeed {
  file: string;
  folder: string;
  /** The folder's older name, which ComfyUI still reads (`clip`, `unet`). */
  legacyFolder?: string;
  /** Titles of the nodes that load it. */
  nodes: string[];
  /** Download address from the node's `properties.models`, when it is http(s). */
  url?: string;
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

const LEGACY_FOLDERS: Readonly<Record<string, string>> = { text_encoders: "clip", diffusion_models: "unet" };

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

/** `properties.models` entries: `{ name, url?, directory? }`. */
function declaredModels(node: GraphNode): { name: string; url?: string; directory?: string }[] {
  const models = node.properties["models"];
  if (!Array.isArray(models)) return [];
  return models.filter((m): m is { name: string } => typeof m === "object" && m !== null && typeof m.name === "string");
}

function webUrl(url: unknown): string | undefined {
  return typeof url === "string" && /^https?:\/\//i.test(url) && isSafeUrl(url) ? url : undefined;
}

/** Every model file the workflow's active (not muted, not bypassed) nodes load. */
export function modelRequirements(workflow: Workflow): ModelNeed[] {
  const needs = new Map<string, ModelNeed>();
  const add = (file: string, folder: string, node: GraphNode, url?: string) => {
    const key = `${folder}\n${file}`;
    const need = needs.get(key) ?? { file, folder, nodes: [], ...(LEGACY_FOLDERS[folder] ? { legacyFolder: LEGACY_FOLDERS[folder] } : {}) };
    if (!need.nodes.includes(node.title)) need.nodes.push(node.title);
    if (url && !need.url) need.url = url;
    needs.set(key, need);
  };

  // Subgraph and group-node instances hold copies of their members' values; the members count.
  const containers = new Set(workflow.subgraphs.map((s) => s.id));
  for (const node of allNodes(workflow)) {
    if (/^workflow[>/]/.test(node.type)) containers.add(node.type);
  }
  for (const node of allNodes(workflow)) {
    if (node.mode !== "normal") continue;
    const declared = new Map(declaredModels(node).map((m) => [m.name, m]));
    const loader = LOADERS[node.type];
    for (const [input, index, folder] of loader ?? []) {
      const file = widgetValue(node, input, index);
      if (isFileName(file)) add(file, declared.get(file)?.directory ?? folder, node, webUrl(declared.get(file)?.url));
    }
    for (const text of stringWidgets(node)) {
      for (const m of text.matchAll(EMBEDDING)) add(m[1]!.replace(/:[\d.]+$/, ""), "embeddings", node);
      // A custom loader: its model-file widget values, in the folder it declares if any.
      if (!loader && !isCoreNodeType(node.type) && !containers.has(node.type) && MODEL_FILE.test(text.trim())) {
        const file = text.trim();
        add(file, declared.get(file)?.directory ?? "", node, webUrl(declared.get(file)?.url));
      }
    }
  }
  const rank = (folder: string) => (folder === "" ? 99 : FOLDER_ORDER.indexOf(folder) + 1 || 50);
  return [...needs.values()].sort((a, b) => rank(a.folder) - rank(b.folder) || a.file.localeCompare(b.file));
}
