/** Reading the nav files, `content/_data/nav/<lang>.json`, from disk. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { NavSourceText } from "./check-nav.ts";
import { parseNav, type NavFile } from "./nav-schema.ts";

/** The nav folder below the content folder (Eleventy's data folder, `_data`). */
export const NAV_DIR = "_data/nav";

/** Each language's nav file text, for the languages that have one. */
export function readNavSources(root: string, contentDir: string, languages: readonly string[]): Map<string, NavSourceText> {
  const sources = new Map<string, NavSourceText>();
  for (const lang of languages) {
    const file = [contentDir, NAV_DIR, `${lang}.json`].filter(Boolean).join("/");
    const path = join(root, file);
    if (existsSync(path)) sources.set(lang, { file, text: readFileSync(path, "utf8") });
  }
  return sources;
}

/** The usable nav files by language; a file with errors is left out (checkNav reports it). */
export function parseNavSources(sources: ReadonlyMap<string, NavSourceText>): Map<string, NavFile> {
  const nav = new Map<string, NavFile>();
  for (const [lang, source] of sources) {
    const parsed = parseNav(source.file, source.text);
    if (parsed.nav) nav.set(lang, parsed.nav);
  }
  return nav;
}
