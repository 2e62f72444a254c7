import { describe, expect, test } from "vitest";
import { jsonErrorOffset } from "../../src/workflow/json-position.ts";

describe("jsonErrorOffset", () => {
  test.each([
    ['{"a": [1, 2]}', -1],
    ['  [true, false, null, -1.5e3, "x\\u00e9\\n"]  ', -1],
    ['{"a": 1,}', 8],
    ["[1, 2,]", 6],
    ['{"a" 1}', 5],
    ['{"a": "x', 8],
    ["[1] 2", 4],
    ['{"a": tru}', 6],
    ['"bad \\q"', 6],
    ["", 0],
  ])("%j → %i", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  test("agrees with JSON.parse on what is valid", () => {
    for (const text of ['{"nodes": []}', "[01]", '{"a": .5}', "[1,,2]"]) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(text) === -1, text).toBe(valid);
    }
  });
});
