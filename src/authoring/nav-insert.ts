/** Adds `{ "id": … }` to a section of a nav file, keeping the file's own layout. */
import { jsonSpans, type JsonSpan } from "./json-positions.ts";

function lineIndent(text: string, at: number): string {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function sectionItems(root: JsonSpan, sectionId: string): JsonSpan | undefined {
  const sections = root.members.get("sections");
  const section = sections?.items.find((s) => s.members.get("id")?.value === sectionId);
  const items = section?.members.get("items");
  return items?.kind === "array" ? items : undefined;
}

/**
 * `text` with `{ "id": navId }` appended to the items of section `sectionId`: on its own
 * line at the previous item's indentation when items are one per line, inline otherwise.
 * Throws when the section (or its `items` array) is not in the file.
 */
export function insertNavItem(text: string, sectionId: string, navId: string): string {
  const items = sectionItems(jsonSpans(text), sectionId);
  if (!items) throw new Error(`section "${sectionId}" with an "items" array is not in this nav file`);
  const entry = `{ "id": ${JSON.stringify(navId)} }`;
  const last = items.items.at(-1);
  if (!last) {
    const inner = text.slice(items.start + 1, items.end - 1);
    if (!inner.includes("\n")) return text.slice(0, items.start) + `[${entry}]` + text.slice(items.end);
    const indent = lineIndent(text, items.end - 1);
    return text.slice(0, items.start + 1) + `\n${indent}  ${entry}\n${indent}` + text.slice(items.end - 1);
  }
  const multiline = text.slice(items.start, last.start).includes("\n");
  const separator = multiline ? `,\n${lineIndent(text, last.start)}` : ", ";
  return text.slice(0, last.end) + separator + entry + text.slice(last.end);
}

/** Every `id` of an item (at any group depth) of section `sectionId`, to refuse duplicates. */
export function navItemIds(text: string, sectionId: string): string[] {
  const walk = (items: JsonSpan | undefined): string[] =>
    (items?.items ?? []).flatMap((item) => {
      const id = item.members.get("id")?.value;
      return [...(typeof id === "string" ? [id] : []), ...walk(item.members.get("items"))];
    });
  return walk(sectionItems(jsonSpans(text), sectionId));
}
