/** Binds the locales and UI strings to Eleventy: `locales` data, `t`, `uiStrings` and `locale` filters. */
import { LOCALES, type Locale } from "../i18n/locales.ts";
import { defaultLang, langOrDefault, localeOf } from "../i18n/locale.ts";
import { t, uiStringsFor, type UiKey } from "../i18n/t.ts";
import { jsonForScript } from "../site/head-meta.ts";
import type { EleventyConfig } from "./types.ts";

/** A locale as templates see it: no string table, plus its site title and short label. */
export interface TemplateLocale extends Omit<Locale, "strings"> {
  title: string;
  shortLabel: string;
}

function templateLocale({ strings: _strings, ...locale }: Locale): TemplateLocale {
  return { ...locale, title: t(locale.code, "site.title"), shortLabel: locale.shortLabel ?? locale.code.toUpperCase() };
}

export default function i18nPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("locales", LOCALES.map(templateLocale));
  eleventyConfig.addGlobalData("defaultLang", defaultLang());

  // `{{ "nav.home" | t(lang) }}`, `{{ "head.title" | t(lang, { page: title, site: s }) }}`.
  // An unknown key is a template bug, so it stops the build with the key's name.
  eleventyConfig.addFilter("t", (key: string, lang: unknown, vars?: Record<string, string | number>) => {
    const code = langOrDefault(lang);
    if (!(key in localeOf(code).strings)) throw new Error(`unknown UI string key "${key}" (src/i18n/strings/${code}.ts)`);
    return t(code, key as UiKey, vars ?? {});
  });

  // The `#ui-strings` JSON the client reads: every key starting with `prefix`.
  eleventyConfig.addFilter("uiStrings", (lang: unknown, prefix: string) => jsonForScript(uiStringsFor(langOrDefault(lang), prefix)));

  // `<span{{ labelLang | langAttr }}>`: a ` lang="…"` attribute for text in another language, or nothing.
  eleventyConfig.addFilter("langAttr", (code: unknown) => (typeof code === "string" && code ? ` lang="${localeOf(code).htmlLang}"` : ""));

  // `{{ lang | locale }}`: label, htmlLang, ogLocale and title of a locale code.
  eleventyConfig.addFilter("locale", (code: unknown) => templateLocale(localeOf(code)));
}
