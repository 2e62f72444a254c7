/**
 * Synthetic ComfyUI workflows in the UI (litegraph) format the site publishes: nodes with
 * typed slots, consistent links, groups, and (in one file of the corpus) a subgraph. Sizes
 * follow the real guide's exports (5 to 60 KB).
 */
import type { Random } from "./random.ts";

type Slot = [name: string, type: string];
interface NodeKind {
  inputs: Slot[];
  outputs: Slot[];
  widgets: (r: Random) => unknown[];
  size: [number, number];
}

const PROMPT_WORDS = ["masterpiece", "pixel_art", "1girl", "landscape", "cinematic lighting", "highly detailed",
  "watercolor", "city at night", "portrait", "soft focus", "8k", "sunset", "forest", "robot", "studio photo"];
const prompt = (r: Random) => Array.from({ length: r.int(6, 20) }, () => r.pick(PROMPT_WORDS)).join(", ");

const KINDS: Record<string, NodeKind> = {
  CheckpointLoaderSimple: { inputs: [], outputs: [["MODEL", "MODEL"], ["CLIP", "CLIP"], ["VAE", "VAE"]],
    widgets: (r) => [r.pick(["v1-5-pruned-emaonly.safetensors", "sd_xl_base_1.0.safetensors"])], size: [315, 98] },
  LoraLoader: { inputs: [["model", "MODEL"], ["clip", "CLIP"]], outputs: [["MODEL", "MODEL"], ["CLIP", "CLIP"]],
    widgets: (r) => [`PX64NOCAP_epoch_${r.int(1, 20)}.safetensors`, 1, r.int(5, 10) / 10], size: [315, 126] },
  CLIPTextEncode: { inputs: [["clip", "CLIP"]], outputs: [["CONDITIONING", "CONDITIONING"]],
    widgets: (r) => [prompt(r)], size: [422, 164] },
  EmptyLatentImage: { inputs: [], outputs: [["LATENT", "LATENT"]], widgets: (r) => [r.pick([512, 768, 1024]), 512, 1], size: [315, 106] },
  KSampler: { inputs: [["model", "MODEL"], ["positive", "CONDITIONING"], ["negative", "CONDITIONING"], ["latent_image", "LATENT"]],
    outputs: [["LATENT", "LATENT"]],
    widgets: (r) => [r.int(0, 2 ** 48), "randomize", r.int(20, 40), 7, "euler_ancestral", "normal", 1], size: [315, 262] },
  VAEDecode: { inputs: [["samples", "LATENT"], ["vae", "VAE"]], outputs: [["IMAGE", "IMAGE"]], widgets: () => [], size: [210, 46] },
  SaveImage: { inputs: [["images", "IMAGE"]], outputs: [], widgets: () => ["ComfyUI"], size: [315, 270] },
  UNETLoader: { inputs: [], outputs: [["MODEL", "MODEL"]], widgets: () => ["flux1-dev.safetensors", "default"], size: [300, 82] },
  ModelSamplingFlux: { inputs: [["model", "MODEL"]], outputs: [["MODEL", "MODEL"]], widgets: () => [1.15, 0.5, 1024, 1024], size: [300, 130] },
};

/** The subgraph's id, as ComfyUI writes it: a UUID that instances use as their node type. */
const SUBGRAPH_ID = "0e6c7f2a-1d3b-4c5e-9f80-a1b2c3d4e5f6";

/** A subgraph of two model-only LoRAs between its input and output, in ComfyUI's `definitions` form. */
function loraPairSubgraph(r: Random): object {
  const lora = (id: number, x: number, from: number, to: number) => ({
    id, type: "LoraLoaderModelOnly", pos: [x, 80], size: [300, 82], mode: 0,
    inputs: [{ name: "model", type: "MODEL", link: from }], outputs: [{ name: "MODEL", type: "MODEL", links: [to] }],
    properties: { cnr_id: "comfy-core" }, widgets_values: [`style-${r.int(1, 9)}.safetensors`, r.int(3, 9) / 10],
  });
  const link = (id: number, origin_id: number, target_id: number) => ({ id, origin_id, origin_slot: 0, target_id, target_slot: 0, type: "MODEL" });
  return {
    id: SUBGRAPH_ID, version: 1, name: "Two LoRAs",
    inputNode: { id: -10, bounding: [0, 100, 120, 60] }, outputNode: { id: -20, bounding: [900, 100, 120, 60] },
    inputs: [{ id: "in-1", name: "model", type: "MODEL", linkIds: [10] }],
    outputs: [{ id: "out-1", name: "MODEL", type: "MODEL", linkIds: [12] }],
    widgets: [], nodes: [lora(1, 200, 10, 11), lora(2, 550, 11, 12)],
    links: [link(10, -10, 1), link(11, 1, 2), link(12, 2, -20)], groups: [],
  };
}

interface UiNode {
  id: number; type: string; pos: [number, number]; size: [number, number]; flags: object; order: number; mode: number;
  inputs: { name: string; type: string; link: number | null }[];
  outputs: { name: string; type: string; slot_index: number; links: number[] }[];
  properties: Record<string, string>; widgets_values: unknown[];
}

/** Builds graphs one text-to-image pipeline at a time, wiring links on both ends. */
class GraphBuilder {
  nodes: UiNode[] = [];
  links: [number, number, number, number, number, string][] = [];
  groups: object[] = [];
  subgraphs: object[] = [];
  constructor(private readonly r: Random) {}

  add(type: string, x: number, y: number): UiNode {
    const kind = KINDS[type]!;
    const node: UiNode = {
      id: this.nodes.length + 1, type, pos: [x, y], size: kind.size, flags: {}, order: this.nodes.length, mode: 0,
      inputs: kind.inputs.map(([name, t]) => ({ name, type: t, link: null })),
      outputs: kind.outputs.map(([name, t], slot_index) => ({ name, type: t, slot_index, links: [] })),
      properties: { "Node name for S&R": type, cnr_id: "comfy-core", ver: "0.3.40" },
      widgets_values: kind.widgets(this.r),
    };
    this.nodes.push(node);
    return node;
  }

  connect(from: UiNode, fromSlot: number, to: UiNode, toSlot: number): void {
    const id = this.links.length + 1;
    const type = from.outputs[fromSlot]!.type;
    from.outputs[fromSlot]!.links.push(id);
    to.inputs[toSlot]!.link = id;
    this.links.push([id, from.id, fromSlot, to.id, toSlot, type]);
  }

  /** One checkpoint → LoRAs → prompts → sampler → decode → save chain, in its own group. */
  pipeline(row: number): void {
    const y = row * 700;
    const ckpt = this.add("CheckpointLoaderSimple", 0, y + 200);
    let model: [UiNode, number] = [ckpt, 0];
    let clip: [UiNode, number] = [ckpt, 1];
    for (let i = this.r.int(0, 2); i > 0; i--) {
      const lora = this.add("LoraLoader", 360, y + 150 * i);
      this.connect(...model, lora, 0);
      this.connect(...clip, lora, 1);
      model = [lora, 0];
      clip = [lora, 1];
    }
    const positive = this.add("CLIPTextEncode", 720, y);
    const negative = this.add("CLIPTextEncode", 720, y + 220);
    this.connect(...clip, positive, 0);
    this.connect(...clip, negative, 0);
    const latent = this.add("EmptyLatentImage", 720, y + 440);
    const sampler = this.add("KSampler", 1180, y);
    this.connect(...model, sampler, 0);
    this.connect(positive, 0, sampler, 1);
    this.connect(negative, 0, sampler, 2);
    this.connect(latent, 0, sampler, 3);
    const decode = this.add("VAEDecode", 1540, y);
    this.connect(sampler, 0, decode, 0);
    this.connect(ckpt, 2, decode, 1);
    this.connect(decode, 0, this.add("SaveImage", 1800, y), 0);
    this.groups.push({ id: row + 1, title: `Pipeline ${row + 1}`, bounding: [-20, y - 40, 2160, 680],
      color: "#3f789e", font_size: 24, flags: {} });
  }

  /** A Flux model chain through one instance of a subgraph, below the pipelines. */
  subgraphChain(y: number): void {
    const unet = this.add("UNETLoader", 0, y);
    const instance: UiNode = {
      id: this.nodes.length + 1, type: SUBGRAPH_ID, pos: [400, y], size: [300, 60], flags: {}, order: this.nodes.length, mode: 0,
      inputs: [{ name: "model", type: "MODEL", link: null }], outputs: [{ name: "MODEL", type: "MODEL", slot_index: 0, links: [] }],
      properties: {}, widgets_values: [],
    };
    this.nodes.push(instance);
    this.connect(unet, 0, instance, 0);
    this.connect(instance, 0, this.add("ModelSamplingFlux", 800, y), 0);
    this.subgraphs.push(loraPairSubgraph(this.r));
  }

  toJson(): string {
    const workflow = {
      last_node_id: this.nodes.length, last_link_id: this.links.length,
      nodes: this.nodes, links: this.links, groups: this.groups,
      ...(this.subgraphs.length ? { definitions: { subgraphs: this.subgraphs } } : {}), config: {},
      extra: { ds: { scale: 1, offset: [0, 0] }, frontendVersion: "1.23.4" }, version: 0.4,
    };
    // ComfyUI's "Export" writes two-space indented JSON; sizes are measured on that text.
    return JSON.stringify(workflow, null, 2) + "\n";
  }
}

/** A valid UI-format workflow of at least `minBytes`, one pipeline at a time; `subgraph` adds a subgraph instance. */
export function generateWorkflow(r: Random, minBytes: number, options: { subgraph?: boolean } = {}): string {
  const graph = new GraphBuilder(r);
  let rows = 0;
  if (options.subgraph) graph.subgraphChain(-400);
  let text = graph.toJson();
  while (rows === 0 || text.length < minBytes) {
    graph.pipeline(rows++);
    text = graph.toJson();
  }
  return text;
}
