/**
 * The nav file format, `content/_data/nav/<lang>.json`, checked at the edge:
 *
 *     { "sections": [ { "id": "basic-workflows", "label": "…",
 *         "items": [ { "id": "<navId>", "label"?: "…", "items"?: [ … ] }, { "group": "…", "items": [ … ] } ] } ] }
 */
import { z } from "zod";
import type { Diagnostic } from "../diagnostics.ts";
import { jsonErrorLine, jsonValueLines } from "./json-lines.ts";

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

/** A parsed nav file: its data (null when unusable), its problems, and value lines. */
export interface ParsedNav {
  nav: NavFile | null;
  diagnostics: Diagnostic[];
  /** Line of a value by its path, e.g. `sections/0/items/1/id`. */
  lines: Map<string, number>;
}

/** Parses and validates a nav file's text; every problem is a `nav/invalid` error at its line. */
export function parseNav(file: string, text: string): ParsedNav {
  const at = (line: number, message: string): Diagnostic => ({ file, line, column: 1, severity: "error", rule: "nav/invalid", message });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { nav: null, diagnostics: [at(jsonErrorLine(text, error), `nav file is not valid JSON: ${(error as Error).message.replace(/\s*\n\s*/g, " ")}`)], lines: new Map() };
  }
  const lines = jsonValueLines(text);
  const result = navFileSchema.safeParse(data);
  if (result.success) return { nav: result.data, diagnostics: [], lines };
  const diagnostics = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    let line = 1;
    for (let n = path.length; n >= 0; n--) {
      const found = lines.get(path.slice(0, n).join("/"));
      if (found) {
        line = found;
        break;
      }
    }
    const where = path.length ? `"${path.join(".")}" ` : "";
    const hint = issue.code === "invalid_union" ? 'must be { "id": "…" } or { "group": "…", "items": [ … ] }' : issue.message;
    return at(line, `nav ${where}${hint}`);
  });
  return { nav: null, diagnostics, lines };
}

/** True for a page link (as opposed to a group). */
export function isPageItem(item: NavItem): item is NavPageItem {
  return "id" in item;
}

/** Every page item of a section in reading order, with its JSON path for line lookups. */
export function pageItemsOf(section: NavSection, sectionPath = ""): Array<{ item: NavPageItem; path: string; groups: string[] }> {
  const out: Array<{ item: NavPageItem; path: string; groups: string[] }> = [];
  const walk = (items: readonly NavItem[], path: string, groups: string[]) =>
    items.forEach((item, n) => {
      const here = `${path}/items/${n}`;
      if (!isPageItem(item)) return walk(item.items, here, [...groups, item.group]);
      out.push({ item, path: here, groups });
      // A page's own children follow it in reading order, inside the same groups.
      if (item.items) walk(item.items, here, groups);
    });
  walk(section.items, sectionPath, []);
  return out;
}
