/**
 * The nav file format, `content/_data/nav/<lang>.json`, checked at the edge:
 *
 *     { "sections": [ { "id": "basic-workflows", "label": "…",
 *         "items": [ { "id": "<navId>", "label"?: "…", "items"?: [ … ] }, { "group": "…", "items": [ … ] } ] } ] }
 */
import { z } from "zod";
import type { Diagnostic } from "../diagnostics.ts";
import { parseJson, type JsonPath, type TextPosition } from "../util/json-positions.ts";

/** A link to the page of this section whose `navId` (default: slug) is `id`. */
export interface NavPageItem {
  id: string;
  /** Overrides the page title in the sidebar. */
  label?: string;
  /** Pages under this one: listed beneath its link. */
  items?: NavItem[];
}

/** A labelled, collapsible group of items. */
export interface NavGroupItem {
  group: string;
  items: NavItem[];
}

export type NavItem = NavPageItem | NavGroupItem;

const SECTION_ID = /^[a-z0-9][a-z0-9-]*$/;

const navItem: z.ZodType<NavItem> = z.lazy(() =>
  z.union([
    z.strictObject({ id: z.string().min(1, "must not be empty"), label: z.string().min(1).optional(), items: z.array(navItem).optional() }),
    z.strictObject({ group: z.string().min(1, "must not be empty"), items: z.array(navItem) }),
  ]),
);

/** One nav file. */
export const navFileSchema = z.strictObject({
  sections: z.array(
    z.strictObject({
      id: z.string().regex(SECTION_ID, "must be the section folder name (lowercase letters, digits, hyphens)"),
      label: z.string().min(1, "must not be empty"),
      items: z.array(navItem),
    }),
  ),
});

export type NavFile = z.infer<typeof navFileSchema>;
export type NavSection = NavFile["sections"][number];

/** A parsed nav file: its data (null when unusable), its problems, and where its values are. */
export interface ParsedNav {
  nav: NavFile | null;
  diagnostics: Diagnostic[];
  /** Where the value at a path such as `["sections", 0, "items", 1, "id"]` is (its key, for a member). */
  positionOf(path: JsonPath): TextPosition;
}

const nowhere = (): TextPosition => ({ line: 1, column: 1 });

/** Parses and validates a nav file's text; every problem is a `nav/invalid` error at its line and column. */
export function parseNav(file: string, text: string): ParsedNav {
  const at = (place: TextPosition, message: string): Diagnostic => ({ file, ...place, severity: "error", rule: "nav/invalid", message });
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return { nav: null, diagnostics: [at(parsed.error, `nav file is not valid JSON: ${parsed.error.message}`)], positionOf: nowhere };
  }
  const positionOf = (path: JsonPath) => parsed.document.positionOf(path);
  const result = navFileSchema.safeParse(parsed.document.value);
  if (result.success) return { nav: result.data, diagnostics: [], positionOf };
  const diagnostics = result.error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
    const where = path.length ? `"${path.join(".")}" ` : "";
    const hint = issue.code === "invalid_union" ? 'must be { "id": "…" } or { "group": "…", "items": [ … ] }' : issue.message;
    return at(positionOf(path), `nav ${where}${hint}`);
  });
  return { nav: null, diagnostics, positionOf };
}

/** True for a page link (as opposed to a group). */
export function isPageItem(item: NavItem): item is NavPageItem {
  return "id" in item;
}

/** Every page item of a section in reading order, with its JSON path (from `sectionPath`) for position lookups. */
export function pageItemsOf(section: NavSection, sectionPath: JsonPath = []): Array<{ item: NavPageItem; path: JsonPath; groups: string[] }> {
  const out: Array<{ item: NavPageItem; path: JsonPath; groups: string[] }> = [];
  const walk = (items: readonly NavItem[], path: JsonPath, groups: string[]) =>
    items.forEach((item, n) => {
      const here = [...path, "items", n];
      if (!isPageItem(item)) return walk(item.items, here, [...groups, item.group]);
      out.push({ item, path: here, groups });
      // A page's own children follow it in reading order, inside the same groups.
      if (item.items) walk(item.items, here, groups);
    });
  walk(section.items, sectionPath, []);
  return out;
}
