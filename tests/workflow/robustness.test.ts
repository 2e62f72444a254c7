/** "Draw what is there and never crash": odd but real-world shapes, and random damage. */
import { describe, expect, test } from "vitest";
import { customNodePacks } from "../../src/workflow/custom-node-packs.ts";
import { modelRequirements } from "../../src/workflow/model-requirements.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { drawWorkflow } from "../../src/workflow/workflow-svg.ts";
import { createRandom } from "../../bench/random.ts";
import { fixtureText } from "./fixture-files.ts";

function everything(text: string): void {
  const result = readWorkflow(text);
  if (!result.ok) {
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
    return;
  }
  modelRequirements(result.workflow);
  customNodePacks(result.workflow);
  const { svg } = drawWorkflow(result.workflow, "x.json");
  expect(svg).toMatch(/<\/svg>\n$/);
  expect(svg).not.toMatch(/(width|height|r)="-/);
}

describe("odd shapes", () => {
  test("nulls where files sometimes have them", () => {
    const text = JSON.stringify({
      nodes: [
        { id: 1, type: "X", pos: [0, 0], size: null, title: null, mode: null, flags: null, inputs: null, outputs: null, properties: null, widgets_values: null, color: null },
      ],
      links: [],
      groups: [{ title: null, bounding: [0, 0, 10, 10], color: null }],
      extra: null,
    });
    const result = readWorkflow(text);
    expect(result.ok).toBe(true);
    everything(text);
  });

  test("a subgraph instance whose definition is missing, zero-size and negative-size nodes, huge coordinates", () => {
    const text = JSON.stringify({
      nodes: [
        { id: 1, type: "9f1b2c3d-0000-4000-8000-00000000abcd", pos: [0, 0], size: [0, 0] },
        { id: 2, type: "KSampler", pos: [-1e6, 1e6], size: [-50, -50], widgets_values: { seed: 1 } },
        { id: 3, type: "Note", pos: [10, 10], size: [5, 5], widgets_values: ["x".repeat(10_000)] },
      ],
      links: [],
    });
    // Accepted, not rejected: a saved file with odd geometry or an unknown subgraph id is still
    // a workflow a reader can copy; the instance is drawn as a plain node, negative sizes as 0.
    const result = readWorkflow(text);
    expect(result.ok).toBe(true);
    const nodes = result.ok ? result.workflow.main.nodes : [];
    expect(nodes.map((n) => [n.id, n.size])).toEqual([
      ["1", [0, 0]],
      ["2", [0, 0]],
      ["3", [5, 5]],
    ]);
    everything(text);
  });

  test("an API prompt that feeds a node into itself", () => {
    everything(JSON.stringify({ "1": { class_type: "LatentUpscale", inputs: { samples: ["1", 0] } } }));
  });
});

describe("random damage to real files", () => {
  const replacements = [null, 0, -1, 1e9, "", "x", [], {}, [1], true];

  function damage(value: unknown, rand: () => number): unknown {
    if (Array.isArray(value)) return value.map((v) => (rand() < 0.08 ? replacements[Math.floor(rand() * replacements.length)] : damage(v, rand)));
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const r = rand();
        if (r < 0.04) continue;
        out[k] = r < 0.1 ? replacements[Math.floor(rand() * replacements.length)] : damage(v, rand);
      }
      return out;
    }
    return value;
  }

  test.each(["ui-basic.json", "api-basic.json", "groups.json", "subgraph.json", "custom-node.json", "group-node.json"])(
    "%s, damaged 60 ways, is read or rejected, never a crash",
    (name) => {
      const original = JSON.parse(fixtureText(name));
      const { next: rand } = createRandom(name.length * 7919); // seeded, so a failure can be replayed
      for (let i = 0; i < 60; i++) expect(() => everything(JSON.stringify(damage(original, rand)))).not.toThrow();
    },
  );
});
