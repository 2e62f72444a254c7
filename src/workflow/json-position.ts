/**
 * Where a JSON text stops being valid JSON. `JSON.parse` says what is wrong but, for
 * several errors in Node 20 ("Unexpected token ']'"), not where; authors need the line.
 */

/** Offset of the first syntax error in `text`, or -1 when it is valid JSON (or too deep to scan). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const expect = (char: string) => (text[i] === char ? i++ : fail());
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text[i]! < " ") fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    expect('"');
  };
  const sequence = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === ",") i++;
      else return void expect(close);
    }
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === "{") {
      return sequence("}", () => {
        space();
        string();
        space();
        expect(":");
        value();
      });
    }
    if (char === "[") return sequence("]", value);
    if (char === '"') return string();
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = i;
    if (!literal.test(text)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return -1;
  } catch (error) {
    return typeof error === "number" ? Math.min(error, text.length) : -1;
  }
}
