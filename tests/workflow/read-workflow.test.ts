import { describe, expect, test } from "vitest";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { fixtureText, readFixture } from "./fixture-files.ts";

const problemsOf = (text: string) => {
  const result = readWorkflow(text);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
};

describe("UI format", () => {
  const workflow = readFixture("ui-basic.json");

  test("reads nodes with ids, types, positions, sizes and ComfyUI's default titles", () => {
    expect(workflow.format).toBe("ui");
    expect(workflow.main.nodes.map((n) => [n.id, n.type, n.title, n.pos, n.size])).toEqual([
      ["1", "CheckpointLoaderSimple", "Load Checkpoint", [0, 40], [300, 98]],
      // pos and size saved as {"0": x, "1": y} by some frontends
      ["2", "CLIPTextEncode", "CLIP Text Encode (Prompt)", [360, 40], [300, 120]],
      ["3", "ConditioningZeroOut", "ConditioningZeroOut", [720, 40], [240, 26]],
    ]);
  });

  test("reads links with their slots and types", () => {
    expect(workflow.main.links.map((l) => [l.id, l.from, l.fromSlot, l.to, l.toSlot, l.type])).toEqual([
      ["1", "1", 1, "2", 0, "CLIP"],
      ["2", "2", 0, "3", 0, "CONDITIONING"],
    ]);
  });

  test("an author's title wins over the default; muted, bypassed, collapsed and Reroute are kept", () => {
    const nodes = readFixture("groups.json").main.nodes;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get("2")!.title).toBe('Muted <LoRA> & "friends"');
    expect(byId.get("2")!.mode).toBe("muted");
    expect(byId.get("4")!.mode).toBe("bypassed");
    expect(byId.get("5")!.collapsed).toBe(true);
    expect(byId.get("3")!.kind).toBe("reroute");
  });

  test("groups and native reroutes: a link passes through its reroute chain, origin first", () => {
    const graph = readFixture("groups.json").main;
    expect(graph.groups.map((g) => g.title)).toEqual(["Loaders", "Decode <here>"]);
    expect(graph.reroutes).toEqual([[500, 300], [700, 350]]);
    expect(graph.links.find((l) => l.id === "5")!.via).toEqual([[500, 300], [700, 350]]);
  });

  test("schema-1 object links and top-level reroutes are read too", () => {
    const text = JSON.stringify({
      nodes: [
        { id: 1, type: "A", pos: [0, 0], outputs: [{ name: "x", type: "IMAGE", links: [5] }] },
        { id: 2, type: "B", pos: [900, 0], inputs: [{ name: "y", type: "IMAGE", link: 5 }] },
      ],
      links: [{ id: 5, origin_id: 1, origin_slot: 0, target_id: 2, target_slot: 0, type: "IMAGE", parentId: 2 }],
      reroutes: [{ id: 1, pos: [300, 10] }, { id: 2, parentId: 1, pos: [600, 20] }],
    });
    const result = readWorkflow(text);
    expect(result.ok && result.workflow.main.links[0]!.via).toEqual([[300, 10], [600, 20]]);
  });

  test("subgraph definitions become panels with input and output rails; instances take the subgraph's name", () => {
    const workflow = readFixture("subgraph.json");
    expect(workflow.main.nodes.find((n) => n.id === "11")!.title).toBe("Two LoRAs");
    expect(workflow.subgraphs).toHaveLength(1);
    const sub = workflow.subgraphs[0]!;
    expect(sub.name).toBe("Two LoRAs");
    expect(sub.graph.nodes.map((n) => n.kind)).toEqual(["node", "node", "subgraph-input", "subgraph-output"]);
    expect(sub.graph.links.map((l) => `${l.from}->${l.to}`)).toEqual(["-10->1", "1->2", "2->-20"]);
  });

  test("legacy group nodes: the instance is titled by name, members are kept for the lists", () => {
    const workflow = readFixture("group-node.json");
    expect(workflow.main.nodes[0]!.title).toBe("Loaders");
    expect(workflow.groupNodeMembers.map((n) => n.type)).toEqual(["VAELoader"]);
  });
});

describe("API format", () => {
  const workflow = readFixture("api-basic.json");

  test("class_type, _meta titles and default titles", () => {
    expect(workflow.format).toBe("api");
    const titles = Object.fromEntries(workflow.main.nodes.map((n) => [n.id, n.title]));
    expect(titles).toMatchObject({ "4": "Load Checkpoint", "6": "Positive", "8": "VAE Decode", "9": "Save Image" });
  });

  test("[id, index] inputs become links; other inputs are widget values", () => {
    const sampler = workflow.main.nodes.find((n) => n.id === "3")!;
    expect(sampler.inputs.map((i) => [i.name, i.type])).toEqual([
      ["model", "MODEL"],
      ["positive", "CONDITIONING"],
      ["negative", "CONDITIONING"],
      ["latent_image", "LATENT"],
    ]);
    expect(sampler.widgets).toMatchObject({ seed: 42, sampler_name: "euler" });
    const vaeLink = workflow.main.links.find((l) => l.to === "8" && l.inputName === "vae")!;
    expect([vaeLink.from, vaeLink.fromSlot, vaeLink.type]).toEqual(["4", 2, "VAE"]);
    // The checkpoint's outputs are known up to the highest index used.
    expect(workflow.main.nodes.find((n) => n.id === "4")!.outputs.map((o) => o.type)).toEqual(["MODEL", "CLIP", "VAE"]);
  });

  test("is laid out left to right in dependency order", () => {
    const x = Object.fromEntries(workflow.main.nodes.map((n) => [n.id, n.pos[0]]));
    expect(x["4"]).toBeLessThan(x["6"]!);
    expect(x["6"]).toBeLessThan(x["3"]!);
    expect(x["3"]).toBeLessThan(x["8"]!);
    expect(x["8"]).toBeLessThan(x["9"]!);
    expect(x["4"]).toBe(x["5"]);
  });
});

describe("problems", () => {
  test("invalid JSON names the line and column", () => {
    expect(problemsOf(fixtureText("invalid.json"))).toEqual([
      { rule: "workflow/invalid-json", message: 'not valid JSON: trailing comma before "]" (JSON allows no comma after the last item) at line 3, column 17', line: 3, column: 17 },
    ]);
  });

  test("JSON that is no workflow says what it found and what a workflow is", () => {
    const [problem] = problemsOf(fixtureText("not-a-workflow.json"));
    expect(problem!.rule).toBe("workflow/not-a-workflow");
    expect(problem!.message).toContain('neither "nodes" nor nodes with "class_type" (keys: name, theme)');
    expect(problem!.message).toContain("UI format");
    expect(problem!.message).toContain("API format");
  });

  test.each([
    ["[1, 2]", "the file holds an array"],
    ["{}", "it is an empty object"],
    ['{"nodes": [], "links": []}', "it has no nodes"],
    ['{"1": {"class_type": "KSampler", "inputs": 5}}', '1.inputs: must be an object of inputs'],
  ])("%s is not a workflow: %s", (text, expected) => {
    const [problem] = problemsOf(text);
    expect(problem!.rule).toBe("workflow/not-a-workflow");
    expect(problem!.message).toContain(expected);
  });

  test("a schema problem names the path", () => {
    expect(problemsOf(fixtureText("bad-schema.json"))[0]!.message).toContain("nodes[0].pos: must be [x, y]");
  });

  // Issue #16: a link to a missing node is a stale leftover ComfyUI drops on load, so it is a
  // warning now (it was an error), reported beside the errors of the same file.
  test("links to missing nodes (a warning), slots out of range and dangling input links", () => {
    expect(problemsOf(fixtureText("broken-link.json"))).toEqual([
      { rule: "workflow/broken-link", message: "link 2 starts at output 5 of node 1 (CheckpointLoaderSimple), which has 3 outputs (0–2)" },
      { rule: "workflow/broken-link", message: 'link 2 ends at input "clip" of node 2 (CLIPTextEncode), which is connected to link 7' },
      { rule: "workflow/broken-link", message: 'input "clip" of node 2 (CLIPTextEncode) is connected to link 7, which is not in "links"' },
      {
        rule: "workflow/stale-link",
        severity: "warning",
        message: "link 1 joins node 99, which does not exist; ComfyUI drops such links on load and the preview leaves them out (node ids are 1, 2)",
      },
    ]);
  });

  test("API inputs that name a missing node", () => {
    const text = JSON.stringify({ "1": { class_type: "VAEDecode", inputs: { samples: ["7", 0], vae: ["1", 0] } } });
    expect(problemsOf(text).map((p) => p.message)).toEqual([
      'input "samples" of node 1 (VAEDecode) takes an output of node 7, which does not exist; node ids are 1',
    ]);
  });

  test("duplicate node ids, and problems inside a subgraph name the subgraph", () => {
    const data = JSON.parse(fixtureText("subgraph.json"));
    data.nodes.push({ ...data.nodes[0], id: 12 });
    data.definitions.subgraphs[0].links[1].target_id = 3;
    const messages = problemsOf(JSON.stringify(data)).map((p) => p.message);
    expect(messages).toContain("node id 12 is used by more than one node; every node needs its own id");
    expect(messages).toContain('link 11 joins node 3, which does not exist (in subgraph "Two LoRAs"); ComfyUI drops such links on load and the preview leaves them out (node ids are 1, 2)');
  });

  test("many problems are capped with a count of the rest", () => {
    // Links to missing nodes are warnings now (issue #16); slots out of range stay errors.
    const nodes = [{ id: 1, type: "A", pos: [0, 0] }];
    const links = Array.from({ length: 30 }, (_, i) => [i + 1, 1, 5 + i, 1, 0, "X"]);
    const problems = problemsOf(JSON.stringify({ nodes, links }));
    expect(problems).toHaveLength(21);
    expect(problems[20]!.message).toMatch(/^…and \d+ more link problem/);
  });
});
