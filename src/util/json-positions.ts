/**
 * The one JSON reader for files authors edit (nav files, site settings, workflows, and
 * `npm run new`'s nav edits): strict JSON, with the line and column of a syntax error and
 * of any value. `JSON.parse` decides what is valid and builds the value (it is native and
 * fast); jsonc-parser's offsets say where things are, and are computed only when asked.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";

/** A 1-based line and column (in UTF-16 code units, as editors count them). */
export interface TextPosition {
  line: number;
  column: number;
}

/** A JSON syntax error: what is wrong and where (`offset` into the text). */
export interface JsonSyntaxError extends TextPosition {
  message: string;
  offset: number;
}

/** Keys and array indexes leading to a value; `[]` is the root. */
export type JsonPath = ReadonlyArray<string | number>;

/** A parsed document: its value, and where any part of it sits in the text. */
export interface JsonDocument {
  value: unknown;
  /** `[start, end)` of the value at `path`, or undefined when there is none. */
  span(path: JsonPath): { start: number; end: number } | undefined;
  /** Where the value at `path` starts (an object member: its key), else its nearest existing ancestor. */
  positionOf(path: JsonPath): TextPosition;
}

/** A document, or the first syntax error in the text. */
export type JsonParseResult = { ok: true; document: JsonDocument } | { ok: false; error: JsonSyntaxError };

// Strict JSON: jsonc-parser's extensions off, so it flags what JSON.parse rejects.
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

const MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected text",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: "unexpected text after the end of the JSON value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid \\u escape (four hex digits are needed)",
  InvalidEscapeCharacter: 'invalid escape (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  InvalidCharacter: "raw control character in a string (write it as an escape such as \\n or \\t)",
};

/** 1-based line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: before.length - lineStart + 1 };
}

/** Parses `text` as strict JSON (no comments, no trailing commas). */
export function parseJson(text: string): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: syntaxError(text, error as Error) };
  }
  return { ok: true, document: documentOf(text, value) };
}

function documentOf(text: string, value: unknown): JsonDocument {
  let root: Node | undefined | null = null;
  const tree = () => {
    // Built on the first position question: most documents never need one.
    if (root === null) {
      try {
        root = parseTree(text, [], STRICT);
      } catch {
        root = undefined; // nesting deeper than the parser's stack: positions fall back to 1:1
      }
    }
    return root;
  };
  const nodeAt = (path: JsonPath) => {
    const top = tree();
    return top && (path.length ? findNodeAtLocation(top, [...path]) : top);
  };
  return {
    value,
    span(path) {
      const node = nodeAt(path);
      return node ? { start: node.offset, end: node.offset + node.length } : undefined;
    },
    positionOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = nodeAt(path.slice(0, n));
        if (!node) continue;
        const place = node.parent?.type === "property" ? node.parent : node;
        return positionAt(text, place.offset);
      }
      return { line: 1, column: 1 };
    },
  };
}

/** The first error jsonc-parser finds, placed where an author would fix it. */
function syntaxError(text: string, parseFailure: Error): JsonSyntaxError {
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, STRICT);
  } catch {
    // too deep to scan; fall through to JSON.parse's own words
  }
  const first = errors[0];
  if (!first) return { message: parseFailure.message, offset: 0, ...positionAt(text, 0) };
  const code = printParseErrorCode(first.error);
  let offset = first.offset;
  let message = MESSAGES[code] ?? code;
  const closer = text[offset];
  const comma = closer === "]" || closer === "}" ? text.slice(0, offset).search(/,[ \t\n\r]*$/) : -1;
  if (comma >= 0) {
    // A trailing comma: jsonc-parser reports the bracket after it; the comma is what to delete.
    offset = comma;
    message = `trailing comma before "${closer}" (JSON allows no comma after the last item)`;
  } else if (offset >= text.length) {
    message = `unexpected end of the file: ${message}`;
  } else if (code === "InvalidSymbol") {
    message = `unexpected ${JSON.stringify(text.slice(offset, offset + Math.min(first.length, 20)))}`;
  } else {
    offset += offsetInsideString(text.slice(offset, offset + first.length), code);
  }
  return { message, offset, ...positionAt(text, offset) };
}

/** jsonc-parser places string errors at the string's start; this finds the character itself. */
function offsetInsideString(token: string, code: string): number {
  if (code === "InvalidCharacter") return Math.max(0, token.search(/[\u0000-\u001f]/));
  if (code !== "InvalidEscapeCharacter" && code !== "InvalidUnicode") return 0;
  // Escapes come in pairs ("\\q" is a backslash, then q), so walk them in order.
  for (let i = 1; i < token.length; i++) {
    if (token[i] !== "\\") continue;
    const escape = /^\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])/.exec(token.slice(i));
    if (!escape) return i;
    i += escape[0].length - 1;
  }
  return 0;
}
