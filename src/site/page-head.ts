/**
 * Everything a page's `<head>` says, decided in one place for every page (language pages,
 * placeholders, 404s and the root chooser) and written out by `_includes/partials/head-meta.njk`.
 */
import { isGuidePage } from "../content/page-identity.ts";
import { localeOf } from "../i18n/locale.ts";
import { t } from "../i18n/t.ts";
import type { PageRef } from "../nav/page-ref.ts";
import type { SiteIndex } from "../nav/site-index.ts";
import { alternates, languageLinks } from "../nav/translations.ts";
import { pageDescription } from "./description.ts";
import { articleJsonLd, shareImage } from "./head-meta.ts";
import { headLinks } from "./page-furniture.ts";
import { absoluteUrl, siteDescription, siteTitle, type SiteConfig } from "./site-config.ts";

/** An `hreflang` link: BCP 47 tag (or `x-default`) and absolute URL. */
export interface HeadAlternate {
  hreflang: string;
  url: string;
}

/** The `<head>` of one page; absolute URLs throughout. */
export interface PageHead {
  title: string;
  /** Icon, manifest, theme colour and feed links (src/site/page-furniture.ts), as HTML. */
  links: string;
  description: string;
  /** Placeholders and 404 pages: `noindex`, no canonical, in no language cluster. */
  noindex: boolean;
  canonical: string;
  alternates: HeadAlternate[];
  ogType: "article" | "website";
  siteName: string;
  /** og:title and twitter:title: the page title, else the site's. */
  shareTitle: string;
  image: string;
  ogLocale: string;
  /** og:locale:alternate: the locales this page is translated into. */
  ogLocaleAlternates: string[];
  /** Article JSON-LD, ready for `<script type="application/ld+json">`; guide pages only. */
  jsonLd?: string;
}

/** What a language page's head is made from: its index entry (if any) and front matter. */
export interface PageHeadInput {
  lang: string;
  url: string;
  here?: PageRef;
  title?: string;
  summary?: string;
  hero?: { image?: string };
  /** The page's source text, whose first paragraph describes a page without a summary. */
  rawInput?: string;
}

const hreflangOf = (lang: string) => (lang === "x-default" ? lang : localeOf(lang).htmlLang);

/** The head of a language page (guide, about, home, section index, placeholder, 404). */
export function pageHead(config: SiteConfig, index: SiteIndex, input: PageHeadInput): PageHead {
  const { lang, here, title, summary, hero } = input;
  const siteName = siteTitle(config, lang);
  const noindex = Boolean(here && (here.placeholderOf || here.noindex));
  // Placeholders and coming-soon pages show no article of their own language.
  const isArticle = Boolean(here && isGuidePage(here) && !here.placeholderOf && !here.comingSoon);
  const description = pageDescription(summary, input.rawInput ?? "", siteDescription(config, lang));
  const url = absoluteUrl(config, input.url);
  const image = shareImage(config, hero);
  const htmlLang = localeOf(lang).htmlLang;
  return {
    title: here?.kind === "home" || !title ? siteName : t(lang, "head.title", { page: title, site: siteName }),
    links: headLinks(config, lang),
    description,
    noindex,
    canonical: url,
    alternates: here && !noindex ? alternates(index, here).map((a) => ({ hreflang: hreflangOf(a.lang), url: absoluteUrl(config, a.url) })) : [],
    ogType: isArticle ? "article" : "website",
    siteName,
    shareTitle: title || siteName,
    image,
    ogLocale: localeOf(lang).ogLocale,
    ogLocaleAlternates: here && !noindex ? languageLinks(index, here).flatMap((l) => (l.status === "translated" ? [localeOf(l.lang).ogLocale] : [])) : [],
    ...(isArticle ? { jsonLd: articleJsonLd({ title: title!, summary, url, image, lang: htmlLang, siteName }) } : {}),
  };
}

/**
 * The head of `/`, the language chooser: every home's site title, the default language's
 * description, and the homes' hreflang cluster, of which it is the x-default.
 */
export function chooserHead(config: SiteConfig, index: SiteIndex): PageHead {
  const lang = index.defaultLang;
  const titles = index.languages.filter((code) => index.home(code)).map((code) => siteTitle(config, code));
  const defaultHome = index.home(lang);
  const siteName = siteTitle(config, lang);
  return {
    title: titles.join(" / "),
    links: headLinks(config, undefined),
    description: siteDescription(config, lang),
    noindex: false,
    canonical: absoluteUrl(config, "/"),
    alternates: defaultHome ? alternates(index, defaultHome).map((a) => ({ hreflang: hreflangOf(a.lang), url: absoluteUrl(config, a.url) })) : [],
    ogType: "website",
    siteName,
    shareTitle: siteName,
    image: shareImage(config, undefined),
    ogLocale: localeOf(lang).ogLocale,
    ogLocaleAlternates: [],
  };
}

/** The head of the root 404 page (`url`): the message's title in every language, noindex. */
export function rootNotFoundHead(config: SiteConfig, index: SiteIndex, url: string): PageHead {
  const titles = index.languages.filter((code) => index.home(code)).map((code) => t(code, "notFound.title"));
  return { ...chooserHead(config, index), title: titles.join(" / "), noindex: true, canonical: absoluteUrl(config, url), alternates: [] };
}
