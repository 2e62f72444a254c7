/**
 * The site's languages, declared once. Adding a locale is one entry here plus a strings
 * file in ./strings/ (README "Languages and navigation"); no template or module names a
 * language. The first entry is the default language: it owns `x-default` and is where
 * untranslated pages borrow their content from first.
 */
import type { UiStrings } from "./t.ts";
import ja from "./strings/ja.ts";
import en from "./strings/en.ts";

/** One language of the site. The site title is its strings' `site.title`. */
export interface Locale {
  /** Folder and URL prefix: `content/<code>/`, `/<code>/`. */
  code: string;
  /** The language's own name, shown in the language switcher. */
  label: string;
  /** A short form of `label` for narrow screens (default: the code in capitals). */
  shortLabel?: string;
  /** The `<html lang>` / `hreflang` value (BCP 47). */
  htmlLang: string;
  /** Open Graph `og:locale` (language_TERRITORY). */
  ogLocale: string;
  strings: UiStrings;
}

/** Every locale, default first. Data only: helpers live in locale.ts (tests replace this list). */
export const LOCALES: readonly Locale[] = [
  { code: "ja", label: "日本語", shortLabel: "日本語", htmlLang: "ja", ogLocale: "ja_JP", strings: ja },
  { code: "en", label: "English", shortLabel: "EN", htmlLang: "en", ogLocale: "en_US", strings: en },
];
