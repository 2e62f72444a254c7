/** Adds `{ "id": … }` to a section of a nav file, or a new section, keeping the file's own layout. */
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
 * `text` with `entry` appended to the array at `path` holding `length` elements: on its own
 * line at the previous element's indentation when elements are one per line, inline otherwise.
 */
function appendToArray(text: string, document: JsonDocument, path: JsonPath, length: number, entry: string): string {
  const array = document.span(path)!;
  const last = length ? document.span([...path, length - 1]) : undefined;
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
 * file's layout. Throws when the text is not JSON or the section (or its `items` array) is not in the file.
 */
export function insertNavItem(text: string, sectionId: string, navId: string): string {
  const document = documentOf(text);
  const section = sectionItems(document, sectionId);
  if (!section || !document.span(section.path)) throw new Error(`section "${sectionId}" with an "items" array is not in this nav file`);
  return appendToArray(text, document, section.path, section.items.length, `{ "id": ${JSON.stringify(navId)} }`);
}

/** `text` with a new, empty section appended to `sections`. Throws when the file has no `sections` array. */
export function insertNavSection(text: string, sectionId: string, label: string): string {
  const document = documentOf(text);
  const sections = (document.value as { sections?: unknown })?.sections;
  if (!Array.isArray(sections) || !document.span(["sections"])) throw new Error('the file has no "sections" array');
  return appendToArray(text, document, ["sections"], sections.length, `{ "id": ${JSON.stringify(sectionId)}, "label": ${JSON.stringify(label)}, "items": [] }`);
}

/** Section ids declared in a nav file. */
export function navSectionIds(text: string): string[] {
  const sections = (documentOf(text).value as { sections?: unknown })?.sections;
  return (Array.isArray(sections) ? sections : []).map((s: { id?: unknown } | null) => s?.id).filter((id): id is string => typeof id === "string");
}

/** Every `id` of an item (at any group depth) of section `sectionId`, to refuse duplicates. */
export function navItemIds(text: string, sectionId: string): string[] {
  const walk = (items: readonly Item[]): string[] =>
    items.flatMap((item) => [...(typeof item?.id === "string" ? [item.id] : []), ...(Array.isArray(item?.items) ? walk(item.items) : [])]);
  return walk(sectionItems(documentOf(text), sectionId)?.items ?? []);
}
