/** Issues #15 item 7 and #19 items 2–3: what a workflow says of itself is checked before it reaches a page. */
import { describe, expect, test } from "vitest";
import { customNodePacks } from "../../src/workflow/custom-node-packs.ts";
import { checkMetadata, isPasteable } from "../../src/workflow/metadata-check.ts";
import { isKnownModelFolder } from "../../src/workflow/model-folders.ts";
import { modelRequirements } from "../../src/workflow/model-requirements.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { fixtureText, readFixture } from "./fixture-files.ts";

const warningsOf = (name: string) => {
  const result = readWorkflow(fixtureText(name));
  if (!result.ok) throw new Error(`${name} should be a workflow`);
  return result.warnings;
};

describe("model folders", () => {
  test.each([
    ["checkpoints", true],
    ["text_encoders", true],
    ["clip", true],
    ["ultralytics/bbox", true],
    ["ipadapter", true],
    ["../custom_nodes/evil", false],
    ["checkpoints/../../evil", false],
    ["mystery_models", false],
    ["/etc", false],
    ["", false],
  ])("%s → %s", (folder, known) => expect(isKnownModelFolder(folder)).toBe(known));
});

describe("models metadata", () => {
  test("node-level (top level and inside a subgraph) and top-level records give folder, https link and hash", () => {
    expect(modelRequirements(readFixture("models-subgraph.json"))).toEqual([
      {
        file: "flux1-dev-fp8.safetensors",
        folder: "diffusion_models",
        legacyFolder: "unet",
        nodes: ["Load Diffusion Model"],
        url: "https://huggingface.co/Comfy-Org/flux1-dev/resolve/main/flux1-dev-fp8.safetensors",
        hash: "8e91b68084b53a7fc44ed2a3756d821e355ac1a7b6fe29be760c1db532f3d88a",
        hashType: "sha256",
      },
      { file: "ae.safetensors", folder: "vae", nodes: [], url: "https://huggingface.co/Comfy-Org/Lumina_Image_2.0_Repackaged/resolve/main/split_files/vae/ae.safetensors" },
      { file: "ink-style.safetensors", folder: "loras", nodes: ["LoraLoaderModelOnly"], url: "https://civitai.com/api/download/models/12345" },
    ]);
    expect(warningsOf("models-subgraph.json")).toEqual([]);
  });

  test("hostile metadata: no unknown folder, no non-https link reaches the list; each is a warning", () => {
    const needs = modelRequirements(readFixture("hostile.json"));
    expect(needs.map((m) => m.folder)).not.toContain("../custom_nodes/evil");
    expect(needs.every((m) => m.url === undefined)).toBe(true);
    const messages = warningsOf("hostile.json").map((w) => `${w.rule} ${w.severity}: ${w.message}`);
    expect(messages).toEqual([
      'workflow/metadata warning: node 1 (CheckpointLoaderSimple) properties.models: the url of evil]]><script>x</script>.safetensors must be an https:// address; it is not linked',
      expect.stringMatching(/^workflow\/metadata warning: node 1 \(CheckpointLoaderSimple\) properties\.models: "\.\.\/custom_nodes\/evil" \(the directory of evil.*\) is not a ComfyUI models folder/),
      "workflow/metadata warning: node 1 (CheckpointLoaderSimple) properties.models: the url of plain-http.safetensors must be an https:// address; it is not linked",
      "workflow/metadata warning: models: twice.safetensors is given 2 different folders (checkpoints, loras); a file goes in one",
      'workflow/metadata warning: node 2 (EvilNode): aux_id "javascript:alert(1)//x" is not a GitHub "user/repo"; the pack is not linked',
      "workflow/metadata warning: the file has version 2; ComfyUI reads workflow versions 0.4 and 1",
    ]);
    expect(customNodePacks(readFixture("hostile.json"))).toEqual([{ id: "javascript:alert(1)//x", nodeTypes: ["EvilNode"] }]);
  });
});

describe("paste", () => {
  test("UI files with version and extra paste; a file without extra or in API format does not, and says so", () => {
    expect(isPasteable(readFixture("ui-basic.json"))).toBe(true);
    expect(isPasteable(readFixture("no-extra.json"))).toBe(false);
    expect(isPasteable(readFixture("api-basic.json"))).toBe(false);
    const [noExtra] = warningsOf("no-extra.json");
    expect(noExtra).toMatchObject({ rule: "workflow/not-pasteable", severity: "warning" });
    expect(noExtra!.message).toContain('it has no "extra" object');
    expect(warningsOf("api-basic.json").map((w) => w.message)).toEqual([expect.stringContaining("it is in the API format, which ComfyUI cannot paste")]);
  });

  test("a workflow with nothing to say has no warnings", () => {
    expect(checkMetadata(readFixture("ui-basic.json"))).toEqual([]);
  });
});
