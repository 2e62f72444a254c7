import { describe, expect, test } from "vitest";
import { parseJson, positionAt } from "../../src/util/json-positions.ts";

function errorOf(text: string) {
  const result = parseJson(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return result.error;
}

describe("parseJson: syntax errors at the place to fix", () => {
  test.each([
    ['{"a": 1,}', 7, "trailing comma"],
    ["[1, 2,]", 5, "trailing comma"],
    ['{"a" 1}', 5, 'expected ":"'],
    ['{"a": "x', 6, "unterminated string"],
    ["[1] 2", 4, "after the end"],
    ['{"a": tru}', 6, 'unexpected "tru"'],
    ['"bad \\q"', 5, "invalid escape"],
    ['"\\\\q \\u12"', 5, "invalid \\u escape"],
    ['["a\tb"]', 3, "control character"],
    ['{"a": 1 // why\n}', 8, "comments are not allowed"],
    ['{"a": 1} /* x */', 9, "comments are not allowed"],
    ["[1, ", 4, "end of the file"],
    ["", 0, "end of the file"],
  ])("%j → offset %i, %s", (text, offset, words) => {
    const error = errorOf(text);
    expect(error.offset).toBe(offset);
    expect(error.message).toContain(words);
    expect(error).toMatchObject(positionAt(text, offset));
  });

  test("a trailing comma before a bracket on the next line is reported on its own line", () => {
    const text = '{\n  "a": [\n    1,\n    2,\n  ]\n}';
    expect(errorOf(text)).toMatchObject({ line: 4, column: 6 });
  });

  test("agrees with JSON.parse on what is valid", () => {
    for (const text of ['{"nodes": []}', "[01]", '{"a": .5}', "[1,,2]", "[1,\u00a02]", "\ufeff[1]", '[1e5, -0, "\\ud800"]', '{"a":1,"a":2}']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(parseJson(text).ok, text).toBe(valid);
    }
  });
});

describe("parseJson: where values are", () => {
  const text = '{\n  "a": [\n    1,\n    { "b": "x\\"y" }\n  ],\n  "c": true\n}';
  const result = parseJson(text);
  const document = result.ok ? result.document : undefined;

  test("the value is JSON.parse's", () => {
    expect(document!.value).toEqual({ a: [1, { b: 'x"y' }], c: true });
  });

  test("an object member is placed at its key, an array item at its value", () => {
    expect(document!.positionOf([])).toEqual({ line: 1, column: 1 });
    expect(document!.positionOf(["a"])).toEqual({ line: 2, column: 3 });
    expect(document!.positionOf(["a", 0])).toEqual({ line: 3, column: 5 });
    expect(document!.positionOf(["a", 1, "b"])).toEqual({ line: 4, column: 7 });
    expect(document!.positionOf(["c"])).toEqual({ line: 6, column: 3 });
  });

  test("a path that is not there falls back to its nearest ancestor", () => {
    expect(document!.positionOf(["a", 1, "missing", 3])).toEqual({ line: 4, column: 5 });
    expect(document!.positionOf(["nope"])).toEqual({ line: 1, column: 1 });
  });

  test("spans cover each value exactly", () => {
    const span = (path: Array<string | number>) => {
      const s = document!.span(path);
      return s && text.slice(s.start, s.end);
    };
    expect(span(["a", 1])).toBe('{ "b": "x\\"y" }');
    expect(span(["a", 1, "b"])).toBe('"x\\"y"');
    expect(span(["c"])).toBe("true");
    expect(span(["x"])).toBeUndefined();
  });
});

describe("positionAt", () => {
  test("counts lines and columns from 1, CRLF included", () => {
    expect(positionAt("ab\r\ncd", 4)).toEqual({ line: 2, column: 1 });
    expect(positionAt("ab\ncd", 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt("ab", 99)).toEqual({ line: 1, column: 3 });
  });
});
