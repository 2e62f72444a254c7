/** Questions about the declared locales; the list itself is data in locales.ts. */
import { LOCALES, type Locale } from "./locales.ts";

/** Every locale code, default first. */
export function localeCodes(): string[] {
  return LOCALES.map((l) => l.code);
}

/** The default language (the first declared locale). */
export function defaultLang(): string {
  return LOCALES[0]!.code;
}

/** True when `code` is a declared locale. */
export function isLocale(code: unknown): code is string {
  return typeof code === "string" && LOCALES.some((l) => l.code === code);
}

/** The locale `code`, or the default locale when `code` is not declared (never throws). */
export function localeOf(code: unknown): Locale {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0]!;
}

/** `lang` when declared, else the default: for renderers that must not throw on a bad page. */
export function langOrDefault(lang: unknown): string {
  return localeOf(lang).code;
}
