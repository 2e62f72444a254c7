import { describe, expect, test } from "vitest";
import { dependencyDepths, layoutByDependencies, type LayoutNode } from "../../src/workflow/api-layout.ts";

const node = (id: string, h = 100): LayoutNode => ({ id, size: [300, h] });

describe("dependencyDepths", () => {
  test("is the longest chain of inputs leading to a node", () => {
    const depths = dependencyDepths(
      [node("a"), node("b"), node("c"), node("d")],
      [{ from: "a", to: "b" }, { from: "b", to: "c" }, { from: "a", to: "c" }, { from: "c", to: "d" }],
    );
    expect(Object.fromEntries(depths)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  test("a cycle or a link to a missing node does not hang or throw", () => {
    const depths = dependencyDepths([node("a"), node("b")], [{ from: "a", to: "b" }, { from: "b", to: "a" }, { from: "zz", to: "a" }]);
    expect(depths.size).toBe(2);
  });
});

describe("layoutByDependencies", () => {
  test("columns left to right; nodes of a column stacked without overlap", () => {
    const nodes = [node("src1", 80), node("src2", 120), node("sink")];
    const positions = layoutByDependencies(nodes, [{ from: "src1", to: "sink" }, { from: "src2", to: "sink" }]);
    const [x1, y1] = positions.get("src1")!;
    const [x2, y2] = positions.get("src2")!;
    expect(x1).toBe(x2);
    expect(positions.get("sink")![0]).toBeGreaterThan(x1 + 300);
    const [top, bottom] = y1 < y2 ? [[y1, 80], [y2, 120]] : [[y2, 120], [y1, 80]];
    expect(bottom![0]).toBeGreaterThanOrEqual(top![0]! + top![1]! + 30);
  });

  test("a node sits near the nodes that feed it", () => {
    const nodes = [node("a"), node("b"), node("c"), node("fromC"), node("fromA")];
    const positions = layoutByDependencies(nodes, [{ from: "c", to: "fromC" }, { from: "a", to: "fromA" }]);
    expect(positions.get("fromA")![1]).toBeLessThan(positions.get("fromC")![1]);
  });
});
