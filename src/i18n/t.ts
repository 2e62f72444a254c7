/** The one way to read a UI string: `t(lang, key)`. */
import type ja from "./strings/ja.ts";
import { LOCALES } from "./locales.ts";

/** Every UI string key; ja.ts is the reference locale. */
export type UiKey = keyof typeof ja;
export type UiStrings = Record<UiKey, string>;

/** The UI string `key` in `lang`; `{name}` placeholders are filled from `vars`. */
export function t(lang: string, key: UiKey, vars: Record<string, string | number> = {}): string {
  const table = LOCALES.find((l) => l.code === lang)?.strings;
  if (!table) throw new Error(`no UI strings for language "${lang}"`);
  const text = table[key];
  // Most strings have no placeholder; templates ask for them many times a page.
  return text.includes("{") ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

/** Every string of `lang` whose key starts with `prefix`, for the page's `#ui-strings` JSON. */
export function uiStringsFor(lang: string, prefix: string): Record<string, string> {
  const table = LOCALES.find((l) => l.code === lang)?.strings;
  if (!table) throw new Error(`no UI strings for language "${lang}"`);
  return Object.fromEntries(Object.entries(table).filter(([key]) => key.startsWith(prefix)));
}
