/** Which sections exist: the ones the nav files declare (`sections[].id`). */
import type { NavSource } from "./site-model.ts";

/**
 * Sections known in `lang`: its nav file's sections, or every nav file's when that
 * language has none yet. Undefined when no nav file could be read at all (a site that
 * has not written its nav yet, or a nav file with errors, reported by the nav module).
 */
export function knownSections(nav: ReadonlyMap<string, NavSource>, lang: string): Set<string> | undefined {
  const ids = (source: NavSource | undefined) => source?.parsed.nav?.sections.map((s) => s.id) ?? [];
  const own = nav.get(lang);
  if (own) return own.parsed.nav ? new Set(ids(own)) : undefined;
  const readable = [...nav.values()].filter((source) => source.parsed.nav);
  return readable.length ? new Set(readable.flatMap(ids)) : undefined;
}
