/** UI text for the client, read from the page so that the bundle stays language-agnostic. */

/** Looks up `client.<key>` and fills `{name}` placeholders. */
export type Strings = (key: string, vars?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; unknown names stay visible so a missing value is noticed. */
export function fillTemplate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Strings from a table keyed `client.*` (as the layout renders it); a missing key shows itself. */
export function createStrings(table: Record<string, string>): Strings {
  return (key, vars) => fillTemplate(table[`client.${key}`] ?? key, vars);
}

/** Reads `<script type="application/json" id="ui-strings">`; a missing or broken table gives keys. */
export function readStrings(doc: Pick<Document, "getElementById">): Strings {
  let table: Record<string, string> = {};
  try {
    table = JSON.parse(doc.getElementById("ui-strings")?.textContent || "{}");
  } catch {
    // A broken table must not take the page's scripts down with it.
  }
  return createStrings(table);
}
