/**
 * What a layout shows about a page, prepared once in TypeScript (in the manner of
 * Starlight's route data): the page in the site index, its head, nav, trail, neighbours,
 * TOC and translations. Templates only print it; `_includes/` holds no logic of its own.
 */
import type { TocEntry, TocNode } from "../markdown/heading-anchors.ts";
import { nestToc } from "../markdown/heading-anchors.ts";
import { localeOf } from "../i18n/locale.ts";
import { t } from "../i18n/t.ts";
import { breadcrumbs, type Crumb } from "../nav/breadcrumbs.ts";
import { navTree, type NavSectionNode } from "../nav/nav-tree.ts";
import type { PageRef } from "../nav/page-ref.ts";
import { prevNext, sectionPages, type Neighbour } from "../nav/prev-next.ts";
import type { SiteIndex } from "../nav/site-index.ts";
import { languageLinks, type LanguageLink } from "../nav/translations.ts";
import { chooserHead, pageHead, rootNotFoundHead, type PageHead } from "./page-head.ts";
import type { SiteConfig } from "./site-config.ts";

/** Where the root pages are published (src/eleventy/site-pages.ts). */
export const CHOOSER_URL = "/";
export const ROOT_NOT_FOUND_URL = "/404.html";

/** A language switcher entry: where it leads and how the language is named. */
export interface SwitcherLink extends LanguageLink {
  label: string;
  htmlLang: string;
  /** What narrow screens show (`JA`). */
  shortLabel: string;
}

/** A previous/next link, with the words it is announced by. */
export interface PrevNextLink extends Neighbour {
  rel: "prev" | "next";
  /** "Previous" / "Next" in the page's language. */
  direction: string;
}

/** A section on a home page: its nav label and index, and (on a generated home) its pages. */
export interface HomeSection {
  label: string;
  url?: string;
  summary?: string;
  pages: PageRef[];
}

/** The article's title block; on a placeholder, the borrowed page's hero and language. */
export interface ArticleView {
  title?: unknown;
  summary?: unknown;
  hero?: unknown;
  tags?: unknown;
  lastUpdated?: unknown;
  /** The page's source file, for its hero path and its "Last updated" date. */
  inputPath?: string;
  /** `lang` of content in another language than the page (a placeholder's). */
  contentLang?: string;
}

/** A placeholder's notice: the language and page whose content it shows, and that content. */
export interface PlaceholderView {
  comingSoon: boolean;
  title: string;
  source?: { code: string; label: string; htmlLang: string; url: string };
  /** The borrowed page's rendered body. */
  html?: string;
}

/** Everything the layouts read. */
export interface PageContext {
  lang: string;
  htmlLang: string;
  /** This page in the site index; undefined on the root pages. */
  here?: PageRef;
  home: { url: string };
  /** The page's own URL and source, for the footer's repository links. */
  page: { url: string; inputPath?: string };
  head: PageHead;
  nav: NavSectionNode[];
  breadcrumbs: Crumb[];
  prevNext: PrevNextLink[];
  toc: TocNode[];
  /** The language switcher: this page in each language, or each language's home on the root pages. */
  alternates: SwitcherLink[];
  article: ArticleView;
  placeholder?: PlaceholderView;
  /** The footer's about link. */
  about?: { url: string };
  /** A section index's pages: nav order, then pages the nav does not list (computed when read). */
  readonly listing: PageRef[];
  /** A home's sections (computed when read). */
  readonly overview: HomeSection[];
  /** What the root chooser's script matches navigator.languages against: code → home and BCP 47 tag. */
  readonly redirectTargets: Record<string, { url: string; tag: string }>;
}

/** Eleventy's data of the page, as far as the context reads it. */
export interface PageData {
  lang?: unknown;
  title?: unknown;
  summary?: unknown;
  hero?: unknown;
  tags?: unknown;
  lastUpdated?: unknown;
  section?: unknown;
  generatedHome?: unknown;
  /** Set on placeholder pages (src/eleventy/site-pages.ts). */
  placeholder?: PageRef;
}

/** What the context is made from. */
export interface PageContextInput {
  config: SiteConfig;
  index: SiteIndex;
  page: { url: string; inputPath?: string; rawInput?: string };
  data: PageData;
  /** The TOC of the latest render of a source file (src/markdown/render-body.ts). */
  tocOf: (inputPath: string) => readonly TocEntry[];
  /** A page's rendered body and front matter, by source file: what a placeholder shows. */
  sourceOf: (inputPath: string) => { content?: string; data: Record<string, unknown> } | undefined;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Each language's home, as switcher links (the root pages have no page of their own to translate). */
function homeLinks(index: SiteIndex): SwitcherLink[] {
  return index.languages.flatMap((lang) => {
    const home = index.home(lang);
    return home ? [switcherLink({ lang, url: home.url, status: "translated" })] : [];
  });
}

function switcherLink(link: LanguageLink): SwitcherLink {
  const locale = localeOf(link.lang);
  return { ...link, label: locale.label, htmlLang: locale.htmlLang, shortLabel: locale.shortLabel ?? locale.code.toUpperCase() };
}

/** The head of a language page, or of one of the two root pages (which the index does not hold). */
function headOf({ config, index, page, data }: PageContextInput, here: PageRef | undefined, lang: string, title: string | undefined): PageHead {
  if (!here && page.url === CHOOSER_URL) return chooserHead(config, index);
  if (!here && page.url === ROOT_NOT_FOUND_URL) return rootNotFoundHead(config, index, page.url);
  const hero = data.hero as { image?: string } | undefined;
  return pageHead(config, index, { lang, url: page.url, ...(here ? { here } : {}), title, summary: text(data.summary), hero, rawInput: page.rawInput });
}

/** A placeholder's notice: the page it borrows (none for a coming-soon page) and that page's body. */
function placeholderView(placeholder: PageRef, html: string | undefined): PlaceholderView {
  const from = placeholder.placeholderOf;
  const locale = from && localeOf(from.lang);
  return {
    comingSoon: Boolean(placeholder.comingSoon),
    title: placeholder.title,
    ...(from && locale ? { source: { code: locale.code, label: locale.label, htmlLang: locale.htmlLang, url: from.url } } : {}),
    ...(html !== undefined ? { html } : {}),
  };
}

/** The context of one page. */
export function pageContext(input: PageContextInput): PageContext {
  const { index, page, data } = input;
  const here = index.pageAt(page.url);
  const lang = text(data.lang) || index.defaultLang;
  const title = text(data.title);
  const placeholder = data.placeholder;
  const source = placeholder && !placeholder.comingSoon ? input.sourceOf(placeholder.inputPath) : undefined;
  const sourceLocale = placeholder?.placeholderOf && localeOf(placeholder.placeholderOf.lang);
  const around = here ? prevNext(index, here) : {};
  const nav = navTree(index, lang, page.url);
  const head = headOf(input, here, lang, title);
  const about = index.page(lang, "", "about");
  const context: PageContext = {
    lang,
    htmlLang: localeOf(lang).htmlLang,
    ...(here ? { here } : {}),
    home: { url: index.home(lang)?.url ?? "/" },
    page: { url: page.url, ...(page.inputPath ? { inputPath: page.inputPath } : {}) },
    head,
    nav,
    breadcrumbs: here ? breadcrumbs(index, here, t(here.lang, "nav.home")) : [],
    prevNext: (["prev", "next"] as const).flatMap((rel) => {
      const link = around[rel];
      return link ? [{ ...link, rel, direction: t(lang, rel === "prev" ? "nav.prev" : "nav.next") }] : [];
    }),
    toc: nestToc(input.tocOf(placeholder ? placeholder.inputPath : (page.inputPath ?? ""))),
    alternates: here ? languageLinks(index, here).map(switcherLink) : homeLinks(index),
    article: {
      title: data.title,
      summary: data.summary,
      hero: placeholder ? source?.data.hero : data.hero,
      tags: data.tags,
      lastUpdated: data.lastUpdated,
      ...(page.inputPath ? { inputPath: page.inputPath } : {}),
      ...(sourceLocale ? { contentLang: sourceLocale.htmlLang } : {}),
    },
    ...(placeholder ? { placeholder: placeholderView(placeholder, source?.content) } : {}),
    ...(about ? { about: { url: about.url } } : {}),
    get listing() {
      const sectionId = here ? here.section : (text(data.section) ?? "");
      return sectionPages(index, lang, sectionId);
    },
    get overview() {
      return nav.map((section) => {
        const summary = index.sectionIndex(lang, section.id)?.summary;
        return {
          label: section.label,
          ...(section.url ? { url: section.url } : {}),
          ...(summary ? { summary } : {}),
          pages: data.generatedHome ? sectionPages(index, lang, section.id) : [],
        };
      });
    },
    get redirectTargets() {
      return Object.fromEntries(homeLinks(index).map((h) => [h.lang, { url: h.url, tag: h.htmlLang.toLowerCase() }]));
    },
  };
  return context;
}
