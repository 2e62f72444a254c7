/**
 * Every page of the site by identity, URL and nav id, plus the placeholders that stand in
 * for nav entries with no page in their language. Pure: built from plain page records
 * and parsed nav files, so translations, nav trees and sitemaps are testable without Eleventy.
 */
import { pageItemsOf, type NavFile, type NavSection } from "./nav-schema.ts";
import { identityKey, urlOf } from "../content/page-identity.ts";
import type { PageRef } from "./page-ref.ts";

/** What the index is built from. */
export interface SiteIndexInput {
  /** Locale codes, default first. */
  languages: readonly string[];
  /** Built pages (not placeholders). */
  pages: readonly PageRef[];
  /** Parsed nav files by language; a language may have none. */
  nav: ReadonlyMap<string, NavFile>;
}

/** A resolved nav item: the page it points at (real or placeholder) and its label. */
export interface ResolvedItem {
  page: PageRef;
  label: string;
  /** Labels of the groups around it, outermost first. */
  groups: string[];
  /** The language of `label` when it is not the nav's: a placeholder's borrowed title. */
  labelLang?: string;
}

/** The site's pages, looked up by identity, nav id or URL. */
export class SiteIndex {
  readonly languages: readonly string[];
  readonly defaultLang: string;
  readonly nav: ReadonlyMap<string, NavFile>;
  /** Real pages, then placeholders. */
  readonly pages: PageRef[] = [];
  readonly placeholders: PageRef[] = [];
  readonly #byKey = new Map<string, PageRef>();
  readonly #byNavId = new Map<string, PageRef>();
  readonly #byUrl = new Map<string, PageRef>();

  constructor(input: SiteIndexInput) {
    this.languages = input.languages;
    this.defaultLang = input.languages[0]!;
    this.nav = input.nav;
    for (const page of input.pages) this.#add(page);
    for (const placeholder of this.#missingNavPages()) {
      this.placeholders.push(placeholder);
      this.#add(placeholder);
    }
  }

  #add(page: PageRef): void {
    if (this.#byUrl.has(page.url) || this.#byKey.has(`${page.lang}\0${identityKey(page)}`)) return;
    this.pages.push(page);
    this.#byKey.set(`${page.lang}\0${identityKey(page)}`, page);
    this.#byUrl.set(page.url, page);
    if (page.kind === "guide") this.#byNavId.set(`${page.lang}\0${page.section}\0${page.navId}`, page);
  }

  /** The page (lang, section, slug): the identity translations share. */
  page(lang: string, section: string, slug: string): PageRef | undefined {
    return this.#byKey.get(`${lang}\0${identityKey({ section, slug })}`);
  }

  /** The page a nav item `id` of `section` refers to in `lang`. */
  pageByNavId(lang: string, section: string, navId: string): PageRef | undefined {
    return this.#byNavId.get(`${lang}\0${section}\0${navId}`);
  }

  /** The page published at `url`. */
  pageAt(url: string): PageRef | undefined {
    return this.#byUrl.get(url);
  }

  /** A language's home page. */
  home(lang: string): PageRef | undefined {
    return this.page(lang, "", "index");
  }

  /** A section's index page in `lang`. */
  sectionIndex(lang: string, section: string): PageRef | undefined {
    return section ? this.page(lang, section, "index") : undefined;
  }

  /** The nav section `id` of `lang`'s nav file. */
  navSection(lang: string, id: string): NavSection | undefined {
    return this.nav.get(lang)?.sections.find((s) => s.id === id);
  }

  /** A section's nav items that lead to a page, in reading order. */
  resolvedItems(lang: string, section: NavSection): ResolvedItem[] {
    return pageItemsOf(section).flatMap(({ item, groups }) => {
      const page = this.pageByNavId(lang, section.id, item.id);
      if (!page) return [];
      const labelLang = !item.label && page.placeholderOf ? page.placeholderOf.lang : undefined;
      return [{ page, label: item.label ?? page.title, groups, ...(labelLang ? { labelLang } : {}) }];
    });
  }

  // A nav entry of language L with no page of L borrows the page with the same nav id from
  // the default language, else from the first language that has one, at the URL its
  // identity gives in L. An entry no language has is a coming-soon page at the URL its id
  // gives: its title is the nav label, and it is kept out of the sitemap and search.
  #missingNavPages(): PageRef[] {
    const out: PageRef[] = [];
    for (const [lang, nav] of this.nav) {
      if (!this.languages.includes(lang)) continue;
      for (const section of nav.sections) {
        for (const { item } of pageItemsOf(section)) {
          if (this.pageByNavId(lang, section.id, item.id)) continue;
          const source = this.languages
            .filter((other) => other !== lang)
            .map((other) => this.pageByNavId(other, section.id, item.id))
            .find((page) => page && !page.placeholderOf);
          if (!source) {
            const identity = { lang, section: section.id, slug: item.id, kind: "guide" } as const;
            const url = urlOf(identity)!;
            if (this.#byUrl.has(url) || out.some((p) => p.url === url)) continue;
            out.push({ ...identity, navId: item.id, title: item.label ?? item.id, url, inputPath: "", comingSoon: true, noindex: true });
            continue;
          }
          if (this.page(lang, section.id, source.slug)) continue;
          const placeholder: PageRef = {
            ...source,
            lang,
            url: urlOf({ ...source, lang })!,
            placeholderOf: { lang: source.lang, url: source.url },
          };
          if (!out.some((p) => p.url === placeholder.url)) out.push(placeholder);
        }
      }
    }
    return out;
  }
}
