import { describe, expect, test } from "vitest";
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

  test("a trailing comma is an error at the comma's line and column, not at 1:1", () => {
    const text = [
      "{",
      '  "sections": [',
      "    {",
      '      "id": "guide",',
      '      "label": "Guide",',
      '      "items": [',
      '        { "id": "a" },',
      '        { "group": "More", "items": [',
      '          { "id": "b" }',
      "        ] },",
      '        { "id": "c" },',
      "      ]",
      "    }",
      "  ]",
      "}",
    ].join("\n");
    const { nav, diagnostics } = parseNav("nav.json", text);
    expect(nav).toBeNull();
    expect(diagnostics.map((d) => [d.line, d.column, d.rule, d.severity])).toEqual([[11, 22, "nav/invalid", "error"]]);
    expect(diagnostics[0]!.message).toContain("trailing comma");
  });

  test("a comment is an error at the comment", () => {
    const { diagnostics } = parseNav("nav.json", '{\n  // the guide\n  "sections": []\n}');
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[2, 3, "nav/invalid"]]);
    expect(diagnostics[0]!.message).toContain("comments are not allowed");
  });

  test("a schema problem is reported at the column of the key", () => {
    const { diagnostics } = parseNav("nav.json", '{\n  "sections": [\n    { "id": "guide", "label": "", "items": [] }\n  ]\n}');
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[3, 22]]);
  });
});
