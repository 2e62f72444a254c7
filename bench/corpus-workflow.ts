/**
 * Synthetic ComfyUI workflows in the UI (litegraph) format the site publishes: nodes with
 * typed slots, consistent links, groups. Sizes follow real exports (10 to 40 KB).
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
};

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

  toJson(): string {
    const workflow = {
      last_node_id: this.nodes.length, last_link_id: this.links.length,
      nodes: this.nodes, links: this.links, groups: this.groups, config: {},
      extra: { ds: { scale: 1, offset: [0, 0] }, frontendVersion: "1.23.4" }, version: 0.4,
    };
    // ComfyUI's "Export" writes two-space indented JSON; sizes are measured on that text.
    return JSON.stringify(workflow, null, 2) + "\n";
  }
}

/** A valid UI-format workflow of at least `minBytes`, one pipeline at a time. */
export function generateWorkflow(r: Random, minBytes: number): string {
  const graph = new GraphBuilder(r);
  let text = "";
  for (let row = 0; text.length < minBytes; row++) {
    graph.pipeline(row);
    text = graph.toJson();
  }
  return text;
}
