/**
 * Issue #15 item 4: workflow shapes that overflowed the stack or took many seconds. Each
 * test asserts the outcome, at a size the old code could not survive: recursion 10,000
 * deep, a 200,000-argument spread, a quadratic scan over 40,000 nodes, a chain walked per link.
 */
import { describe, expect, test } from "vitest";
import { dependencyDepths, layoutByDependencies, type LayoutNode } from "../../src/workflow/api-layout.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { graphBounds } from "../../src/workflow/svg-geometry.ts";
import { workflowMetadata } from "../../src/workflow/svg-metadata.ts";
import { drawWorkflow } from "../../src/workflow/workflow-svg.ts";
import type { Workflow } from "../../src/workflow/workflow-graph.ts";

function read(data: unknown): Workflow {
  const result = readWorkflow(JSON.stringify(data));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result.workflow;
}

/**
 * `count` API nodes, each taking the next one's output, so that the first node read is the
 * end of the chain (a recursive walk goes `count` deep); `cycle` feeds the first into the last.
 */
function apiChain(count: number, cycle = false): Record<string, unknown> {
  const prompt: Record<string, unknown> = {};
  for (let i = 1; i <= count; i++) {
    const from = i === count ? (cycle ? "1" : undefined) : String(i + 1);
    prompt[String(i)] = { class_type: "LatentUpscaleBy", inputs: { ...(from ? { samples: [from, 0] } : {}), scale_by: 1.5 } };
  }
  return prompt;
}

describe("deep and wide graphs", () => {
  test("an API chain of 10,000 nodes is laid out in 10,000 columns", () => {
    const workflow = read(apiChain(10_000));
    const xs = new Set(workflow.main.nodes.map((n) => n.pos[0]));
    expect(xs.size).toBe(10_000);
    const end = workflow.main.nodes.find((n) => n.id === "1")!;
    expect(end.pos[0]).toBe(Math.max(...xs));
  });

  test("a cycle of 10,000 API nodes lays out without throwing", () => {
    const workflow = read(apiChain(10_000, true));
    expect(workflow.main.nodes).toHaveLength(10_000);
    expect(workflow.main.nodes.every((n) => Number.isFinite(n.pos[0]))).toBe(true);
  });

  test("dependencyDepths walks a 100,000-long chain from its end", () => {
    const nodes: LayoutNode[] = Array.from({ length: 100_000 }, (_, i) => ({ id: `n${i}`, size: [1, 1] }));
    const edges = nodes.slice(1).map((n, i) => ({ from: n.id, to: `n${i}` }));
    const depths = dependencyDepths(nodes, edges);
    expect(depths.get("n0")).toBe(99_999);
    expect(depths.get("n99999")).toBe(0);
  });

  test("a 40,000-node fan-out puts every consumer in the second column", () => {
    const prompt: Record<string, unknown> = { "0": { class_type: "CheckpointLoaderSimple", inputs: { ckpt_name: "a.safetensors" } } };
    for (let i = 1; i <= 40_000; i++) prompt[String(i)] = { class_type: "CLIPTextEncode", inputs: { clip: ["0", 1], text: "x" } };
    const workflow = read(prompt);
    const columns = new Set(workflow.main.nodes.map((n) => n.pos[0]));
    expect(columns.size).toBe(2);
    const preview = drawWorkflow(workflow, "fan.json");
    expect(preview.simplified).toContain("40001 nodes");
  });

  test("layoutByDependencies orders a 200,000-node fan-out (a scan of every edge per node would never end)", () => {
    const nodes: LayoutNode[] = Array.from({ length: 200_001 }, (_, i) => ({ id: `n${i}`, size: [10, 10] }));
    const edges = nodes.slice(1).map((n) => ({ from: "n0", to: n.id }));
    const positions = layoutByDependencies(nodes, edges);
    expect(positions.size).toBe(200_001);
    expect(new Set([...positions.values()].map(([x]) => x))).toEqual(new Set([0, 130]));
  });

  test("200,000 groups: bounds found, preview simplified and small", () => {
    const groups = Array.from({ length: 200_000 }, (_, i) => ({ title: `g${i}`, bounding: [i, -i, 10, 10] }));
    const workflow = read({ nodes: [{ id: 1, type: "Note", pos: [0, 0], size: [100, 100] }], links: [], groups, version: 0.4, extra: {} });
    expect(graphBounds(workflow.main)).toEqual({ x: 0, y: -199_999, w: 200_009, h: 200_099 });
    const preview = drawWorkflow(workflow, "groups.json");
    expect(preview.simplified).toContain("200000 groups");
    expect(preview.svg.length).toBeLessThan(1_000_000);
  });
});

describe("long reroute chains", () => {
  /** A chain of `length` native reroutes and `links` links whose last reroute is the chain's end. */
  function rerouted(length: number, links: number): Workflow {
    const reroutes = Array.from({ length }, (_, i) => ({ id: i + 1, ...(i > 0 ? { parentId: i } : {}), pos: [i, 0] }));
    const nodes = [
      { id: 1, type: "A", pos: [0, 0], size: [100, 100], outputs: [{ name: "o", type: "X", links: [] }] },
      ...Array.from({ length: links }, (_, i) => ({ id: i + 2, type: "B", pos: [500, i * 50], inputs: [{ name: "i", type: "X", link: i + 1 }] })),
    ];
    const linkObjects = Array.from({ length: links }, (_, i) => ({ id: i + 1, origin_id: 1, origin_slot: 0, target_id: i + 2, target_slot: 0, type: "X", parentId: length }));
    return read({ version: 1, nodes, links: linkObjects, reroutes, extra: {} });
  }

  test("500 links along a 20,000-step chain: read at once, drawn small", () => {
    const workflow = rerouted(20_000, 500);
    // Longer than any real link's chain: drawn straight rather than through 20,000 points.
    expect(workflow.main.links.every((l) => l.via.length === 0)).toBe(true);
    const preview = drawWorkflow(workflow, "chain.json");
    expect(preview.svg.length).toBeLessThan(4_000_000);
  });

  test("links sharing a chain share its points", () => {
    const workflow = rerouted(300, 50);
    const [first, second] = workflow.main.links;
    expect(first!.via).toHaveLength(300);
    expect(first!.via[0]).toEqual([0, 0]);
    expect(second!.via).toBe(first!.via);
  });
});

describe("bounded numbers", () => {
  test("coordinates of 1e308 give a finite preview", () => {
    const workflow = read({
      version: 0.4,
      extra: {},
      nodes: [
        { id: 1, type: "A", pos: [1e308, -1e308], size: [1e308, 1e308] },
        { id: 2, type: "B", pos: [0, 0] },
      ],
      groups: [{ title: "far", bounding: [-1e308, 1e308, 1e308, 1e308] }],
    });
    const { svg, width, height } = drawWorkflow(workflow, "far.json");
    expect(svg).not.toMatch(/Infinity|NaN/);
    expect(Number.isFinite(width) && Number.isFinite(height)).toBe(true);
  });

  test("JSON nested 100,000 deep inside a node is a workflow, not a crash", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const text = `{"version":0.4,"extra":{},"nodes":[{"id":1,"type":"A","pos":[0,0],"properties":{"x":${deep}}}]}`;
    const result = readWorkflow(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(drawWorkflow(result.workflow, "deep.json", workflowMetadata(text, "ui")).svg).toContain("<metadata>");
  });
});
