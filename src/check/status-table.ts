/** `npm run i18n:status`: the page × language table, as aligned text. */
import type { TranslationRow } from "./translation-status.ts";

/** One row per page, one column per language, then a count of each state. */
export function formatStatusTable(rows: readonly TranslationRow[], languages: readonly string[]): string {
  const table = [["page", ...languages], ...rows.map((row) => [row.key, ...languages.map((lang) => row.cells.get(lang)!.state)])];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const lines = table.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd());
  const counts = new Map<string, number>();
  for (const row of rows) for (const cell of row.cells.values()) counts.set(cell.state, (counts.get(cell.state) ?? 0) + 1);
  // `stub` only when there are any, so a finished site's summary stays short.
  const states = counts.has("stub") ? ["stub", "translated", "outdated", "unstamped", "missing"] : ["translated", "outdated", "unstamped", "missing"];
  const summary = states.map((s) => `${counts.get(s) ?? 0} ${s}`).join(", ");
  return [...lines, "", `${rows.length} pages: ${summary}`].join("\n");
}
