import { describe, expect, test } from "vitest";
import { jsonSpans } from "../../src/authoring/json-positions.ts";
import { insertNavItem, navItemIds } from "../../src/authoring/nav-insert.ts";

const nav = `{
  "sections": [
    {
      "id": "basic-workflows",
      "label": "基本",
      "items": [
        { "id": "sd15-text2image" },
        { "group": "応用", "items": [{ "id": "sd15-lora", "label": "LoRA" }] }
      ]
    },
    { "id": "empty", "label": "空", "items": [] },
    { "id": "inline", "label": "x", "items": [{ "id": "a" }, { "id": "b" }] }
  ]
}
`;

describe("insertNavItem", () => {
  test("appends on its own line at the items' indentation, leaving every other byte alone", () => {
    const out = insertNavItem(nav, "basic-workflows", "sd15-inpaint");
    expect(out).toBe(
      nav.replace(
        '[{ "id": "sd15-lora", "label": "LoRA" }] }\n',
        '[{ "id": "sd15-lora", "label": "LoRA" }] },\n        { "id": "sd15-inpaint" }\n',
      ),
    );
    expect(JSON.parse(out).sections[0].items.at(-1)).toEqual({ id: "sd15-inpaint" });
  });

  test("an empty or one-line items array stays on one line", () => {
    expect(insertNavItem(nav, "empty", "x")).toContain('"items": [{ "id": "x" }]');
    expect(insertNavItem(nav, "inline", "c")).toContain('"items": [{ "id": "a" }, { "id": "b" }, { "id": "c" }]');
  });

  test("a section that is not in the file is an error", () => {
    expect(() => insertNavItem(nav, "nope", "x")).toThrow(/section "nope"/);
  });

  test("navItemIds lists ids inside groups too", () => {
    expect(navItemIds(nav, "basic-workflows")).toEqual(["sd15-text2image", "sd15-lora"]);
  });
});

describe("jsonSpans", () => {
  test("spans cover each value exactly, and bad JSON throws like JSON.parse", () => {
    const text = ' { "a": [1, "x\\"y"], "b": null } ';
    const root = jsonSpans(text);
    expect(text.slice(root.start, root.end)).toBe('{ "a": [1, "x\\"y"], "b": null }');
    const a = root.members.get("a")!;
    expect(a.items.map((i) => text.slice(i.start, i.end))).toEqual(["1", '"x\\"y"']);
    expect(root.value).toEqual({ a: [1, 'x"y'], b: null });
    expect(() => jsonSpans('{ "a": 1, }')).toThrow(SyntaxError);
    expect(() => jsonSpans("[1] x")).toThrow(SyntaxError);
  });
});
