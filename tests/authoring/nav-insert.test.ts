import { describe, expect, test } from "vitest";
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

describe("a nav file that is not JSON", () => {
  test("is refused with the line and column of the problem, like JSON.parse would refuse it", () => {
    expect(() => insertNavItem('{ "sections": [ { "id": "a", "label": "A", "items": [], } ] }', "a", "x")).toThrow(
      /not valid JSON at line 1, column 55: trailing comma/,
    );
    expect(() => navItemIds("[1] x", "a")).toThrow(SyntaxError);
  });
});
