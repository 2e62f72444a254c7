import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { readUiWorkflow } from "../../src/workflow/ui-format.ts";
import { drawWorkflow, ARTICLE_WIDTH } from "../../src/workflow/workflow-svg.ts";
import { uiWorkflow } from "../../src/workflow/workflow-schema.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { readFixture } from "./fixture-files.ts";

/** Tags balance and every `&` starts an entity: what an XML parser needs to read the file. */
function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/<[^>]*>/g, "")).not.toMatch(/[<>]/);
  expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
}

const svgOf = (name: string) => drawWorkflow(readFixture(name), name).svg;

describe("drawWorkflow", () => {
  test("draws every node title and the file name, in well-formed SVG", () => {
    const svg = svgOf("ui-basic.json");
    expectWellFormed(svg);
    expect(svg).toContain("<title>ui-basic.json</title>");
    for (const title of ["Load Checkpoint", "ConditioningZeroOut"]) expect(svg).toContain(`>${title}</text>`);
    expect(svg).toMatch(/>CLIP Text Encode( \(Prompt\))?<\/text>/);
  });

  test("colours links by type", () => {
    const svg = svgOf("ui-basic.json");
    expect(svg).toMatch(/<path d="M[^"]+" fill="none" stroke="#FFD500"/); // CLIP
    expect(svg).toMatch(/<path d="M[^"]+" fill="none" stroke="#FFA931"/); // CONDITIONING
  });

  test("escapes text and drops colours that are not plain hex", () => {
    const svg = svgOf("groups.json");
    expectWellFormed(svg);
    // The long title wraps onto two lines.
    expect(svg).toContain(">Muted &lt;LoRA&gt; &amp;</text>");
    expect(svg).toContain(">&quot;friends&quot;</text>");
    expect(svg).toContain(">Decode &lt;here&gt;</text>");
    expect(svg).not.toContain("javascript");
    expect(svg).not.toContain("red; stroke");
    expect(svg).toContain('fill="#8A8"'); // the Loaders group keeps its colour
  });

  test("groups are labelled boxes; muted nodes fade, bypassed ones are tinted", () => {
    const svg = svgOf("groups.json");
    expect(svg).toMatch(/<g class="group"><rect x="-20" y="-10" width="720" height="200"/);
    expect(svg).toContain(">Loaders</text>");
    expect(svg).toMatch(/<g class="node muted" opacity="0.45">/);
    expect(svg).toMatch(/<g class="node bypassed" opacity="0.75">.*fill="#FF00FF"/);
  });

  test("native reroutes are dots and bend their links", () => {
    const svg = svgOf("groups.json");
    expect(svg).toContain('<circle cx="500" cy="300"');
    expect(svg).toMatch(/<path d="M[^"]* 500 300C[^"]* 700 350C/);
  });

  test("subgraph definitions are drawn as labelled panels below the main graph", () => {
    const svg = svgOf("subgraph.json");
    expectWellFormed(svg);
    expect(svg).toContain(">Two LoRAs</text>");
    expect(svg.match(/>LoraLoaderModelOnly<\/text>/g)).toHaveLength(2);
    expect(svg.match(/<g transform=/g)).toHaveLength(2);
  });

  test("a link to a node that is not there is skipped, not a crash", () => {
    const data = uiWorkflow.parse(JSON.parse(readFileSync(join(projectRoot, "tests/workflow/fixtures/workflows/broken-link.json"), "utf8")));
    const { svg } = drawWorkflow(readUiWorkflow(data), "broken.json");
    expectWellFormed(svg);
    expect(svg.match(/<path /g) ?? []).toHaveLength(0);
  });

  test("API workflows are drawn at their computed positions", () => {
    const svg = svgOf("api-basic.json");
    expect(svg).toContain(">Positive</text>");
    expect(svg.match(/<path /g)).toHaveLength(9);
  });

  test("size attributes keep the view box's proportions", () => {
    const { svg, width, height } = drawWorkflow(readFixture("api-basic.json"), "a");
    const [, , w, h] = /viewBox="([\d.-]+) ([\d.-]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(width / height).toBeCloseTo(w! / h!, 1);
  });
});

describe("legibility at article width", () => {
  for (const file of ["SD1.5_lora.json", "Flux.1_lora.json"]) {
    test(`${file}: titles are at least 11px when the preview is ${ARTICLE_WIDTH}px wide`, () => {
      const result = readWorkflow(readFileSync(join(projectRoot, "workflows/basic-workflows/sd15-lora", file), "utf8"));
      if (!result.ok) throw new Error("seed workflow must be valid");
      const { svg } = drawWorkflow(result.workflow, file);
      const viewWidth = Number(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+)/.exec(svg)![1]);
      const titleSize = Number(/font-size="([\d.]+)" font-weight="600" fill="#ececec"/.exec(svg)![1]);
      expect((titleSize * ARTICLE_WIDTH) / viewWidth).toBeGreaterThanOrEqual(10.9);
    });
  }

  test("a small graph is not blown up", () => {
    const svg = svgOf("ui-basic.json");
    expect(Number(/font-size="([\d.]+)" font-weight="600" fill="#ececec"/.exec(svg)![1])).toBeLessThanOrEqual(16);
  });
});

describe("issue #19: a preview you can read", () => {
  const one = (node: Record<string, unknown>) => readWorkflow(JSON.stringify({ version: 0.4, extra: {}, nodes: [{ id: 1, pos: [0, 0], ...node }] }));

  test("widget values are drawn: numbers too, control values left out", () => {
    const result = one({ type: "KSampler", size: [300, 262], widgets_values: [156680208700286, "randomize", 20, 7.5, "euler", "normal", 1] });
    if (!result.ok) throw new Error("valid");
    const svg = drawWorkflow(result.workflow, "k.json").svg;
    for (const value of ["156680208700286", "20", "7.5", "euler", "normal", "1"]) expect(svg).toContain(`>${value}</text>`);
    expect(svg).not.toContain(">randomize</text>");
  });

  test("API format values are drawn with their names", () => {
    const svg = svgOf("api-basic.json");
    expect(svg).toMatch(/>steps: \d+<\/text>/);
    expect(svg).toMatch(/>cfg: [\d.]+<\/text>/);
  });

  test("a long one-word title wraps at its case changes or shrinks; it is not cut", () => {
    const result = one({ type: "EmptySD3LatentImage", title: "ConditioningZeroOutAndSomeMore", size: [150, 60] });
    if (!result.ok) throw new Error("valid");
    const svg = drawWorkflow(result.workflow, "t.json").svg;
    const title = [...svg.matchAll(/font-weight="600" fill="#ececec">([^<]*)<\/text>/g)].map((m) => m[1]).join("");
    expect(title).toBe("ConditioningZeroOutAndSomeMore");
  });
});
