import { describe, expect, test } from "vitest";
import { modelRequirements } from "../../src/workflow/model-requirements.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { readFixture } from "./fixture-files.ts";

const summary = (name: string) => modelRequirements(readFixture(name)).map((m) => `${m.folder}/${m.file}`);

function uiWith(nodes: object[]) {
  const result = readWorkflow(JSON.stringify({ nodes, links: [] }));
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return modelRequirements(result.workflow);
}

describe("modelRequirements", () => {
  test.each([
    ["CheckpointLoaderSimple", ["a.safetensors"], ["checkpoints/a.safetensors"]],
    ["CheckpointLoader", ["v1-inference.yaml", "a.ckpt"], ["checkpoints/a.ckpt", "configs/v1-inference.yaml"]],
    ["LoraLoader", ["px.safetensors", 1, 1], ["loras/px.safetensors"]],
    ["LoraLoaderModelOnly", ["px.safetensors", 0.8], ["loras/px.safetensors"]],
    ["VAELoader", ["ae.safetensors"], ["vae/ae.safetensors"]],
    ["CLIPLoader", ["t5.safetensors", "sd3"], ["text_encoders/t5.safetensors"]],
    ["DualCLIPLoader", ["clip_l.safetensors", "t5xxl_fp16.safetensors", "flux", "default"], ["text_encoders/clip_l.safetensors", "text_encoders/t5xxl_fp16.safetensors"]],
    ["UNETLoader", ["flux1-dev.safetensors", "default"], ["diffusion_models/flux1-dev.safetensors"]],
    ["ControlNetLoader", ["canny.safetensors"], ["controlnet/canny.safetensors"]],
    ["UpscaleModelLoader", ["4x-UltraSharp.pth"], ["upscale_models/4x-UltraSharp.pth"]],
    ["CLIPVisionLoader", ["clip_vision_g.safetensors"], ["clip_vision/clip_vision_g.safetensors"]],
    ["StyleModelLoader", ["redux.safetensors"], ["style_models/redux.safetensors"]],
    ["HypernetworkLoader", ["hn.pt", 1], ["hypernetworks/hn.pt"]],
    ["VAELoader", ["None"], []],
  ])("%s %j → %j", (type, widgets, expected) => {
    expect(uiWith([{ id: 1, type, pos: [0, 0], widgets_values: widgets }]).map((m) => `${m.folder}/${m.file}`)).toEqual(expected);
  });

  test("the older folder name ComfyUI still reads is given for text encoders and diffusion models", () => {
    const [unet] = uiWith([{ id: 1, type: "UNETLoader", pos: [0, 0], widgets_values: ["f.safetensors", "default"] }]);
    expect(unet!.legacyFolder).toBe("unet");
    const [clip] = uiWith([{ id: 1, type: "CLIPLoader", pos: [0, 0], widgets_values: ["t.safetensors"] }]);
    expect(clip!.legacyFolder).toBe("clip");
  });

  test("embeddings named in prompts, with or without weight and extension", () => {
    expect(summary("ui-basic.json")).toEqual(["checkpoints/sd15.safetensors", "embeddings/EasyNegative", "embeddings/style/ink.pt"]);
  });

  test("the same file from several nodes is listed once, with every node", () => {
    const needs = uiWith([
      { id: 1, type: "LoraLoader", pos: [0, 0], widgets_values: ["x.safetensors", 1, 1] },
      { id: 2, type: "LoraLoaderModelOnly", title: "Second", pos: [0, 0], widgets_values: ["x.safetensors", 1] },
    ]);
    expect(needs).toEqual([{ file: "x.safetensors", folder: "loras", nodes: ["Load LoRA", "Second"] }]);
  });

  test("muted and bypassed loaders load nothing", () => {
    expect(summary("groups.json")).toEqual(["checkpoints/base.safetensors", "vae/vae-ft-mse-840000-ema-pruned.safetensors"]);
  });

  test("API format: widget values by input name; linked inputs are skipped", () => {
    expect(summary("api-basic.json")).toEqual(["checkpoints/v1-5-pruned-emaonly-fp16.safetensors"]);
    const result = readWorkflow(JSON.stringify({
      "1": { class_type: "PrimitiveString", inputs: { value: "x" } },
      "2": { class_type: "LoraLoaderModelOnly", inputs: { lora_name: ["1", 0], strength_model: 1, model: ["3", 0] } },
      "3": { class_type: "UNETLoader", inputs: { unet_name: "u.safetensors", weight_dtype: "default" } },
    }));
    expect(result.ok && modelRequirements(result.workflow).map((m) => m.file)).toEqual(["u.safetensors"]);
  });

  test("custom loaders: model-file values, in the folder and with the URL that properties.models declares", () => {
    const needs = modelRequirements(readFixture("custom-node.json"));
    expect(needs).toEqual([
      { file: "flux1-dev-Q8_0.gguf", folder: "diffusion_models", legacyFolder: "unet", nodes: ["UnetLoaderGGUF"] },
      // Issue #15: "mystery_models" is no ComfyUI models folder, so it is not shown (it was before).
      { file: "mystery.safetensors", folder: "", nodes: ["MysteryLoader"], url: "https://example.com/mystery.safetensors" },
      // A javascript: URL is dropped; no declared directory leaves the folder unknown.
      { file: "unsafe.safetensors", folder: "", nodes: ["MysteryLoader"] },
    ]);
  });

  test("models inside subgraphs and group-node definitions count; the instances themselves do not", () => {
    expect(summary("subgraph.json")).toEqual([
      "diffusion_models/base-model.safetensors",
      "loras/style-a.safetensors",
      "loras/style-b.safetensors",
    ]);
    expect(summary("group-node.json")).toEqual(["vae/vae-ft-mse-840000-ema-pruned.safetensors"]);
  });
});
