/** The two workflows the seed page links, held to what the issue asks of them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { modelRequirements } from "../../src/workflow/model-requirements.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import type { GraphNode, Workflow } from "../../src/workflow/workflow-graph.ts";
import { projectRoot } from "../helpers/eleventy.ts";

interface RawNode {
  id: number;
  type: string;
  order: number;
  mode: number;
  properties: Record<string, unknown>;
  widgets_values: unknown[];
  inputs?: { name: string; link: number | null }[];
  outputs?: { name: string; links: number[] | null }[];
}

function load(file: string): { raw: { nodes: RawNode[]; links: number[][]; last_node_id: number; last_link_id: number }; workflow: Workflow } {
  const text = readFileSync(join(projectRoot, "workflows/basic-workflows/sd15-lora", file), "utf8");
  const result = readWorkflow(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return { raw: JSON.parse(text), workflow: result.workflow };
}

/** The node feeding input `name` of `node`. */
function feeder(workflow: Workflow, node: GraphNode, name: string): GraphNode {
  const slot = node.inputs.findIndex((i) => i.name === name);
  const link = workflow.main.links.find((l) => l.to === node.id && l.toSlot === slot)!;
  return workflow.main.nodes.find((n) => n.id === link.from)!;
}

function expectLoadable(raw: ReturnType<typeof load>["raw"]): void {
  const ids = raw.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(raw.last_node_id).toBe(Math.max(...ids));
  expect(raw.last_link_id).toBe(Math.max(...raw.links.map((l) => l[0]!)));
  for (const [id, from, fromSlot] of raw.links) {
    // Each link is listed by the output it leaves (the input side is checked by readWorkflow).
    expect(raw.nodes.find((n) => n.id === from)!.outputs![fromSlot!]!.links).toContain(id);
  }
  // `order` is an execution order: every node after the nodes that feed it.
  const order = new Map(raw.nodes.map((n) => [n.id, n.order]));
  for (const [, from, , to] of raw.links) expect(order.get(from!)!).toBeLessThan(order.get(to!)!);
  for (const node of raw.nodes) {
    expect(node.mode).toBe(0);
    expect(node.properties).toMatchObject({ cnr_id: "comfy-core", "Node name for S&R": node.type });
  }
}

describe("SD1.5_lora.json", () => {
  const { raw, workflow } = load("SD1.5_lora.json");
  const byType = (type: string) => workflow.main.nodes.filter((n) => n.type === type);

  test("is a consistent UI-format workflow that ComfyUI can load", () => {
    expect(workflow.format).toBe("ui");
    expectLoadable(raw);
  });

  test("Checkpoint → LoRA (MODEL and CLIP) → two prompts → KSampler with an empty latent → VAE Decode → Save Image", () => {
    const [sampler] = byType("KSampler");
    const lora = feeder(workflow, sampler!, "model");
    expect(lora.type).toBe("LoraLoader");
    expect(feeder(workflow, lora, "model").type).toBe("CheckpointLoaderSimple");
    expect(feeder(workflow, lora, "clip").type).toBe("CheckpointLoaderSimple");
    for (const input of ["positive", "negative"]) {
      const prompt = feeder(workflow, sampler!, input);
      expect(prompt.type).toBe("CLIPTextEncode");
      expect(feeder(workflow, prompt, "clip")).toBe(lora);
    }
    expect(feeder(workflow, sampler!, "latent_image").type).toBe("EmptyLatentImage");
    const [decode] = byType("VAEDecode");
    expect(feeder(workflow, decode!, "samples")).toBe(sampler);
    expect(feeder(workflow, decode!, "vae").type).toBe("CheckpointLoaderSimple");
    expect(feeder(workflow, byType("SaveImage")[0]!, "images")).toBe(decode);
  });

  test("the LoRA, its strengths and the trigger word", () => {
    expect(byType("LoraLoader")[0]!.widgets).toEqual(["PX64NOCAP_epoch_10.safetensors", 1, 1]);
    const positive = feeder(workflow, byType("KSampler")[0]!, "positive");
    expect((positive.widgets as unknown[])[0]).toMatch(/\bpixel_art\b/);
  });

  test("widget values follow ComfyUI's widget order", () => {
    const [seed, control, steps, cfg, sampler, scheduler, denoise] = byType("KSampler")[0]!.widgets as unknown[];
    expect([typeof seed, control, typeof steps, typeof cfg, typeof sampler, typeof scheduler, denoise]).toEqual(["number", "fixed", "number", "number", "string", "string", 1]);
    expect(byType("EmptyLatentImage")[0]!.widgets).toEqual([512, 512, 1]);
    expect(byType("CheckpointLoaderSimple")[0]!.widgets).toEqual(["v1-5-pruned-emaonly-fp16.safetensors"]);
    expect((byType("SaveImage")[0]!.widgets as unknown[]).length).toBe(1);
  });

  test("what you need: the checkpoint and the LoRA", () => {
    expect(modelRequirements(workflow).map((m) => `${m.folder}/${m.file}`)).toEqual([
      "checkpoints/v1-5-pruned-emaonly-fp16.safetensors",
      "loras/PX64NOCAP_epoch_10.safetensors",
    ]);
  });
});

describe("Flux.1_lora.json", () => {
  const { raw, workflow } = load("Flux.1_lora.json");
  const byType = (type: string) => workflow.main.nodes.filter((n) => n.type === type);

  test("is a consistent UI-format workflow that ComfyUI can load", () => {
    expectLoadable(raw);
  });

  test("the LoRA applies to the diffusion model only, between UNETLoader and KSampler", () => {
    const [sampler] = byType("KSampler");
    const lora = feeder(workflow, sampler!, "model");
    expect(lora.type).toBe("LoraLoaderModelOnly");
    expect(feeder(workflow, lora, "model").type).toBe("UNETLoader");
    expect(byType("LoraLoader")).toEqual([]);
  });

  test("Flux.1 text to image: DualCLIPLoader prompt, FluxGuidance, SD3 latent, cfg 1 / euler / simple, VAE Decode from ae", () => {
    const [sampler] = byType("KSampler");
    const guidance = feeder(workflow, sampler!, "positive");
    expect(guidance.type).toBe("FluxGuidance");
    expect(feeder(workflow, feeder(workflow, guidance, "conditioning"), "clip").type).toBe("DualCLIPLoader");
    expect(feeder(workflow, sampler!, "latent_image").type).toBe("EmptySD3LatentImage");
    const widgets = sampler!.widgets as unknown[];
    expect([widgets[3], widgets[4], widgets[5]]).toEqual([1, "euler", "simple"]);
    expect(byType("UNETLoader")[0]!.widgets).toEqual(["flux1-dev.safetensors", "default"]);
    expect((byType("DualCLIPLoader")[0]!.widgets as unknown[]).slice(0, 3)).toEqual(["clip_l.safetensors", "t5xxl_fp16.safetensors", "flux"]);
    expect(feeder(workflow, byType("VAEDecode")[0]!, "vae").widgets).toEqual(["ae.safetensors"]);
  });

  test("what you need: diffusion model, both text encoders, the VAE and the LoRA, each in its folder", () => {
    expect(modelRequirements(workflow).map((m) => `${m.folder}/${m.file}`)).toEqual([
      "diffusion_models/flux1-dev.safetensors",
      "text_encoders/clip_l.safetensors",
      "text_encoders/t5xxl_fp16.safetensors",
      "vae/ae.safetensors",
      "loras/AWPortrait-FL-lora.safetensors",
    ]);
  });
});
