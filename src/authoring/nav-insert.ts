/** Adds `{ "id": … }` to a section of a nav file, or a new section, keeping the file's own layout. */
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
 * `text` with `entry` appended to the array at `array`: on its own line at the previous
 * element's indentation when elements are one per line, inline otherwise.
 */
function appendToArray(text: string, array: JsonSpan, entry: string): string {
  const last = array.items.at(-1);
  if (!last) {
    const inner = text.slice(array.start + 1, array.end - 1);
    if (!inner.includes("\n")) return text.slice(0, array.start) + `[${entry}]` + text.slice(array.end);
    const indent = lineIndent(text, array.end - 1);
    return text.slice(0, array.start + 1) + `\n${indent}  ${entry}\n${indent}` + text.slice(array.end - 1);
  }
  const multiline = text.slice(array.start, last.start).includes("\n");
  const separator = multiline ? `,\n${lineIndent(text, last.start)}` : ", ";
  return text.slice(0, last.end) + separator + entry + text.slice(last.end);
}

/**
 * `text` with `{ "id": navId }` appended to the items of section `sectionId`, keeping the
 * file's layout. Throws when the section (or its `items` array) is not in the file.
 */
export function insertNavItem(text: string, sectionId: string, navId: string): string {
  const items = sectionItems(jsonSpans(text), sectionId);
  if (!items) throw new Error(`section "${sectionId}" with an "items" array is not in this nav file`);
  return appendToArray(text, items, `{ "id": ${JSON.stringify(navId)} }`);
}

/** `text` with a new, empty section appended to `sections`. Throws when the file has no `sections` array. */
export function insertNavSection(text: string, sectionId: string, label: string): string {
  const sections = jsonSpans(text).members.get("sections");
  if (sections?.kind !== "array") throw new Error('the file has no "sections" array');
  return appendToArray(text, sections, `{ "id": ${JSON.stringify(sectionId)}, "label": ${JSON.stringify(label)}, "items": [] }`);
}

/** Section ids declared in a nav file. */
export function navSectionIds(text: string): string[] {
  const sections = jsonSpans(text).members.get("sections");
  return (sections?.items ?? []).map((s) => s.members.get("id")?.value).filter((id): id is string => typeof id === "string");
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
