import { describe, expect, test } from "vitest";
import { jsonErrorLine, jsonValueLines } from "../../src/nav/json-lines.ts";
import { pageItemsOf, parseNav } from "../../src/nav/nav-schema.ts";

describe("parseNav", () => {
  test("accepts sections, page items with optional labels, and nested groups", () => {
    const text = JSON.stringify({
      sections: [{ id: "guide", label: "Guide", items: [{ id: "a", label: "A" }, { group: "G", items: [{ group: "H", items: [{ id: "b" }] }] }] }],
    });
    const { nav, diagnostics } = parseNav("nav.json", text);
    expect(diagnostics).toEqual([]);
    expect(pageItemsOf(nav!.sections[0]!).map(({ item, groups }) => [item.id, groups])).toEqual([
      ["a", []],
      ["b", ["G", "H"]],
    ]);
  });

  test("an item that is neither a page nor a group is reported at its line", () => {
    const text = '{\n  "sections": [\n    {\n      "id": "guide",\n      "label": "Guide",\n      "items": [\n        { "title": "x" }\n      ]\n    }\n  ]\n}';
    const { nav, diagnostics } = parseNav("nav.json", text);
    expect(nav).toBeNull();
    expect(diagnostics.map((d) => [d.line, d.rule, d.message])).toEqual([
      [7, "nav/invalid", 'nav "sections.0.items.0" must be { "id": "…" } or { "group": "…", "items": [ … ] }'],
    ]);
  });

  test("a section id must be a folder name", () => {
    const { diagnostics } = parseNav("nav.json", '{ "sections": [ { "id": "Basic Workflows", "label": "x", "items": [] } ] }');
    expect(diagnostics[0]!.message).toContain('"sections.0.id" must be the section folder name');
  });

  test("JSON syntax errors point at their line", () => {
    const { diagnostics } = parseNav("nav.json", '{\n  "sections": [\n    { "id": "a", }\n  ]\n}');
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([[3, "nav/invalid"]]);
  });
});

describe("jsonValueLines", () => {
  test("maps each value's path to its line", () => {
    const lines = jsonValueLines('{\n  "a": [\n    1,\n    { "b": "x\\"y" }\n  ],\n  "c": true\n}');
    expect(Object.fromEntries(lines)).toEqual({ "": 1, a: 2, "a/0": 3, "a/1": 4, "a/1/b": 4, c: 6 });
  });

  test("jsonErrorLine reads V8's position", () => {
    const text = '{\n  "a": 1,\n}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    expect(jsonErrorLine(text, error)).toBe(3);
  });
});
