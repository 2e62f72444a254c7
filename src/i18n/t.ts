/** The one way to read a UI string: `t(lang, key)`. */
import ja from "./strings/ja.ts";
import en from "./strings/en.ts";

/** Every UI string key; ja.ts is the reference locale. */
export type UiKey = keyof typeof ja;
export type UiStrings = Record<UiKey, string>;

const STRINGS: Readonly<Record<string, UiStrings>> = { ja, en };

/** The UI string `key` in `lang`; `{name}` placeholders are filled from `vars`. */
export function t(lang: string, key: UiKey, vars: Record<string, string | number> = {}): string {
  const table = STRINGS[lang];
  if (!table) throw new Error(`no UI strings for language "${lang}"`);
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
