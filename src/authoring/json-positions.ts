/**
 * Where each value of a JSON text is, so that a tool can insert into a file without
 * reformatting it (JSON.stringify would rewrite the author's layout).
 */

/** A JSON value's span `[start, end)` in the text, with its children for arrays and objects. */
export interface JsonSpan {
  start: number;
  end: number;
  kind: "object" | "array" | "scalar";
  /** Array elements, in order. */
  items: JsonSpan[];
  /** Object members by key. */
  members: Map<string, JsonSpan>;
  /** The parsed value (for objects and arrays too). */
  value: unknown;
}

/** Spans of every value in `text`; throws SyntaxError on invalid JSON, like JSON.parse. */
export function jsonSpans(text: string): JsonSpan {
  let i = 0;
  const skip = () => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`unexpected ${text[i] === undefined ? "end of JSON" : `"${text[i]}"`} at position ${i}`);
  };
  const expect = (char: string) => (text[i] === char ? i++ : fail());

  const value = (): JsonSpan => {
    skip();
    const start = i;
    const span: JsonSpan = { start, end: start, kind: "scalar", items: [], members: new Map(), value: undefined };
    if (text[i] === "{" || text[i] === "[") {
      const closing = text[i] === "{" ? "}" : "]";
      span.kind = text[i] === "{" ? "object" : "array";
      i++;
      skip();
      while (text[i] !== closing) {
        if (span.items.length + span.members.size > 0) (expect(","), skip());
        if (span.kind === "array") span.items.push(value());
        else {
          const key = scalar();
          skip();
          expect(":");
          span.members.set(key.value as string, value());
        }
        skip();
      }
      i++;
    } else scalar();
    span.end = i;
    span.value = JSON.parse(text.slice(start, i));
    return span;
  };

  const scalar = (): JsonSpan => {
    const start = i;
    const m = /^(?:"(?:[^"\\\u0000-\u001f]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
    return { start, end: i, kind: "scalar", items: [], members: new Map(), value: JSON.parse(m![0]) };
  };

  const root = value();
  skip();
  if (i < text.length) fail();
  return root;
}
