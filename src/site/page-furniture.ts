/** What a page shows about itself beyond its content: last update, edit and report links, head links. */
import { t } from "../i18n/t.ts";
import { iconType } from "./web-manifest.ts";
import { editUrl, reportUrl } from "./repository-links.ts";
import { absoluteUrl, type SiteConfig } from "./site-config.ts";
import { formatDate } from "./last-updated.ts";

const escapeAttr = (text: string) => text.replace(/[&"<>]/g, (c) => ({ "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" })[c]!);

/** Where a language's Atom feed is published. */
export const feedUrl = (lang: string) => `/${lang}/feed.xml`;

/** The web manifest's site path. */
export const MANIFEST_URL = "/manifest.webmanifest";

/** "Last updated" as the article header shows it: a `<time>` value and its text. */
export interface LastUpdatedView {
  datetime: string;
  text: string;
}

/** The view of an instant in a language; undefined when the date is unknown. */
export function lastUpdatedView(instant: string | undefined, lang: string, htmlLang: string): LastUpdatedView | undefined {
  if (!instant) return undefined;
  return { datetime: instant.slice(0, 10), text: t(lang, "page.lastUpdated", { date: formatDate(instant, htmlLang) }) };
}

/** The footer's repository links; each absent when the site has no repository or the page has no source file. */
export interface RepositoryLinks {
  edit?: { url: string; label: string };
  report?: { url: string; label: string };
}

/** Edit (for a page with a source file) and report (for any page) links of one page. */
export function repositoryLinks(config: SiteConfig, page: { lang: string; title: string; url: string; sourcePath?: string }): RepositoryLinks {
  const links: RepositoryLinks = {};
  const edit = page.sourcePath ? editUrl(config, page.sourcePath) : undefined;
  if (edit) links.edit = { url: edit, label: t(page.lang, "page.edit") };
  const report = reportUrl(config, {
    title: t(page.lang, "page.reportTitle", { page: page.title }),
    body: t(page.lang, "page.reportBody", { url: absoluteUrl(config, page.url) }),
  });
  if (report) links.report = { url: report, label: t(page.lang, "page.report") };
  return links;
}

/**
 * `<head>` links every page carries: icon, manifest, theme colour and, for a language
 * page, its feed. Site paths: the base path is added with the page's other URLs.
 */
export function headLinks(config: SiteConfig, lang: string | undefined): string {
  const type = iconType(config.favicon);
  const links = [
    `<link rel="icon" href="${escapeAttr(config.favicon)}"${type ? ` type="${type}"` : ""}>`,
    `<link rel="manifest" href="${MANIFEST_URL}">`,
    `<meta name="theme-color" content="${escapeAttr(config.themeColor)}">`,
  ];
  if (lang) links.push(`<link rel="alternate" type="application/atom+xml" href="${feedUrl(lang)}" title="${escapeAttr(t(lang, "feed.link"))}">`);
  return links.join("\n");
}
