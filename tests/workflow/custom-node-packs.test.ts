import { describe, expect, test } from "vitest";
import { customNodePacks } from "../../src/workflow/custom-node-packs.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { readFixture } from "./fixture-files.ts";

describe("customNodePacks", () => {
  // Issue #19: registry packs link to their Comfy Registry page now.
  test("packs by registry id (cnr_id) or GitHub repository (aux_id), then unrecorded node types", () => {
    expect(customNodePacks(readFixture("custom-node.json"))).toEqual([
      { id: "comfyui-gguf", version: "1.7.0", url: "https://registry.comfy.org/nodes/comfyui-gguf", nodeTypes: ["UnetLoaderGGUF"] },
      // A muted node still needs its pack: ComfyUI will not load a workflow with unknown nodes.
      { id: "comfyui-impact-pack", version: "8.8.1", url: "https://registry.comfy.org/nodes/comfyui-impact-pack", nodeTypes: ["FaceDetailer"] },
      {
        id: "someone/comfyui-fancy-saver",
        version: "0123456789abcdef0123456789abcdef01234567",
        url: "https://github.com/someone/comfyui-fancy-saver",
        nodeTypes: ["FancySaver"],
      },
      { id: "", nodeTypes: ["MysteryLoader"] },
    ]);
  });

  test("core nodes, with or without cnr_id, Reroutes, Notes, subgraph and group-node instances are not custom", () => {
    for (const name of ["ui-basic.json", "groups.json", "subgraph.json", "group-node.json", "api-basic.json"]) {
      expect(customNodePacks(readFixture(name)), name).toEqual([]);
    }
  });

  test("in the API format, non-core classes are listed as unrecorded", () => {
    const result = readWorkflow(JSON.stringify({ "1": { class_type: "ImpactWildcardProcessor", inputs: {} } }));
    expect(result.ok && customNodePacks(result.workflow)).toEqual([{ id: "", nodeTypes: ["ImpactWildcardProcessor"] }]);
  });
});
