/** Adds `{ "id": … }` to a section of a nav file, keeping the file's own layout. */
import { parseJson, type JsonDocument, type JsonPath } from "../util/json-positions.ts";

function lineIndent(text: string, at: number): string {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function documentOf(text: string): JsonDocument {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new SyntaxError(`not valid JSON at line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message}`);
  return parsed.document;
}

interface Item {
  id?: unknown;
  items?: unknown;
}

/** The items of section `sectionId` and their JSON path, when the section has an `items` array. */
function sectionItems(document: JsonDocument, sectionId: string): { items: Item[]; path: JsonPath } | undefined {
  const sections = (document.value as { sections?: unknown })?.sections;
  if (!Array.isArray(sections)) return undefined;
  const s = sections.findIndex((section: { id?: unknown } | null) => section?.id === sectionId);
  const items = (sections[s] as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? { items, path: ["sections", s, "items"] } : undefined;
}

/**
 * `text` with `{ "id": navId }` appended to the items of section `sectionId`: on its own
 * line at the previous item's indentation when items are one per line, inline otherwise.
 * Throws when the text is not JSON or the section (or its `items` array) is not in the file.
 */
export function insertNavItem(text: string, sectionId: string, navId: string): string {
  const document = documentOf(text);
  const section = sectionItems(document, sectionId);
  const items = section && document.span(section.path);
  if (!section || !items) throw new Error(`section "${sectionId}" with an "items" array is not in this nav file`);
  const entry = `{ "id": ${JSON.stringify(navId)} }`;
  const last = section.items.length ? document.span([...section.path, section.items.length - 1]) : undefined;
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
  const walk = (items: readonly Item[]): string[] =>
    items.flatMap((item) => [...(typeof item?.id === "string" ? [item.id] : []), ...(Array.isArray(item?.items) ? walk(item.items) : [])]);
  return walk(sectionItems(documentOf(text), sectionId)?.items ?? []);
}
