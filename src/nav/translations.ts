/** A page's counterparts in the other languages, found by identity (section, slug). */
import type { PageRef } from "./page-ref.ts";
import type { SiteIndex } from "./site-index.ts";

/** Where the language switcher sends a reader of `lang`. */
export interface LanguageLink {
  lang: string;
  url: string;
  /** `untranslated`: no counterpart; `url` is that language's section index, home or `/`. */
  status: "current" | "translated" | "untranslated";
}

/** The real (not placeholder) page with `page`'s identity in `lang`. */
export function counterpart(index: SiteIndex, page: PageRef, lang: string): PageRef | undefined {
  const found = index.page(lang, page.section, page.slug);
  return found && !found.placeholderOf ? found : undefined;
}

/** One link per locale, in declaration order: the counterpart, else the nearest index page. */
export function languageLinks(index: SiteIndex, page: PageRef): LanguageLink[] {
  return index.languages.map((lang) => {
    if (lang === page.lang) return { lang, url: page.url, status: "current" };
    const other = counterpart(index, page, lang);
    if (other) return { lang, url: other.url, status: "translated" };
    const fallback = index.sectionIndex(lang, page.section) ?? index.home(lang);
    return { lang, url: fallback && !fallback.placeholderOf ? fallback.url : "/", status: "untranslated" };
  });
}

/** An `hreflang` alternate; `lang` is a locale code or `x-default`. */
export interface Alternate {
  lang: string;
  url: string;
}

/**
 * `<link rel="alternate" hreflang>` targets: every real translation including the page
 * itself, then `x-default` (the default language's page, else the root chooser; for homes,
 * the root chooser). None for
 * placeholders and noindex pages: they are not part of any language cluster.
 */
export function alternates(index: SiteIndex, page: PageRef): Alternate[] {
  if (page.placeholderOf || page.noindex) return [];
  const links = index.languages.flatMap((lang) => {
    const other = lang === page.lang ? page : counterpart(index, page, lang);
    return other && !other.noindex ? [{ lang, url: other.url }] : [];
  });
  // Homes share the root chooser as x-default: it sends each reader to their language.
  const fallback = page.kind === "home" ? "/" : (links.find((l) => l.lang === index.defaultLang)?.url ?? "/");
  return [...links, { lang: "x-default", url: fallback }];
}
