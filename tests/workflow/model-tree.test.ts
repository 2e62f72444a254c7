import { describe, expect, test } from "vitest";
import { modelTreeLines } from "../../src/workflow/model-tree.ts";
import type { ModelNeed } from "../../src/workflow/model-requirements.ts";

const need = (folder: string, file: string): ModelNeed => ({ folder, file, nodes: [] });

describe("modelTreeLines", () => {
  test("draws ComfyUI/models/<folder>/<file> as guides draw it by hand, sub-folders included", () => {
    const lines = modelTreeLines([
      need("checkpoints", "sd15.safetensors"),
      need("loras", "SD1.5\\ink.safetensors"),
      need("loras", "px.safetensors"),
      need("", "mystery.bin"),
      need("ultralytics/bbox", "face.pt"),
    ]);
    expect(lines.join("\n")).toBe(
      [
        "ComfyUI/",
        "└── models/",
        "    ├── checkpoints/",
        "    │   └── sd15.safetensors",
        "    ├── loras/",
        "    │   ├── SD1.5/",
        "    │   │   └── ink.safetensors",
        "    │   └── px.safetensors",
        "    └── ultralytics/",
        "        └── bbox/",
        "            └── face.pt",
      ].join("\n"),
    );
  });

  test("no model with a known folder, no tree", () => {
    expect(modelTreeLines([need("", "x.safetensors")])).toEqual([]);
  });
});
