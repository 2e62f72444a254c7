/** Where each value of a JSON document sits, so nav problems point at the line to edit. */
import { jsonErrorOffset } from "../workflow/json-position.ts";

/**
 * Maps every value's path (`sections/0/items/2/id`; the root is "") to the 1-based line
 * it starts on; for an object member, the line of its key. Expects text that
 * `JSON.parse` accepts; JSON strings hold no raw newlines, so only whitespace counts lines.
 */
export function jsonValueLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === "\n") line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}/${key}`);

  const readValue = (path: string, at: number): void => {
    skipSpace();
    lines.set(path, at || line);
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      for (let n = 0; ; n++) {
        skipSpace();
        if (text[i] === close || i >= text.length) break;
        if (c === "{") {
          const keyLine = line;
          const key = readString();
          skipSpace();
          i++; // the colon
          readValue(join(path, key), keyLine);
        } else {
          readValue(join(path, n), 0);
        }
        skipSpace();
        if (text[i] === ",") i++;
      }
      i++;
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  readValue("", 0);
  return lines;
}

/** The 1-based line of a JSON syntax error, from V8's "position N" or "line N" message. */
export function jsonErrorLine(text: string, error: unknown): number {
  const message = String((error as Error)?.message ?? error);
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(message);
  // Node 20 gives no position for several errors (a trailing comma): find it by scanning.
  const offset = byPosition ? Number(byPosition[1]) : jsonErrorOffset(text);
  return offset < 0 ? 1 : text.slice(0, offset).split("\n").length;
}
