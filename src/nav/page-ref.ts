/** A page as navigation sees it: its identity (lang, section, slug) and what links show. */

/** A built page, or the stand-in for a nav entry that has no page in its language. */
export interface PageRef {
  lang: string;
  /** The folder below the language folder; "" for home and about. */
  section: string;
  /** The file name without extension; "index" for homes and section indexes. */
  slug: string;
  /** What nav items refer to: front matter `navId`, else the slug. */
  navId: string;
  title: string;
  summary?: string;
  url: string;
  /** Source file; for a placeholder, the file whose content it shows. */
  inputPath: string;
  /** Set on placeholders: the page in another language whose content is shown. */
  placeholderOf?: { lang: string; url: string };
  /** Set on a nav entry that no language has a page for yet: published as "coming soon". */
  comingSoon?: boolean;
  /** Kept out of search engines, the sitemap and hreflang clusters (404 pages). */
  noindex?: boolean;
}

/** Where a content file sits: `<lang>/<section>/<slug>` or `<lang>/<slug>`. */
export interface PageIdentity {
  lang: string;
  section: string;
  slug: string;
}

/**
 * Reads a page's identity from its path relative to the content folder, e.g.
 * `ja/basic-workflows/sd15-lora.md` → (ja, basic-workflows, sd15-lora). Files outside a
 * declared language folder, or deeper than a section, have none.
 */
export function identityOf(relativeToContent: string, languages: readonly string[]): PageIdentity | undefined {
  const parts = relativeToContent.replace(/\\/g, "/").replace(/^\.\//, "").split("/");
  const lang = parts[0]!;
  if (!languages.includes(lang) || parts.length < 2 || parts.length > 3) return undefined;
  const slug = parts.at(-1)!.replace(/\.[^.]+$/, "");
  return { lang, section: parts.length === 3 ? parts[1]! : "", slug };
}

/** The key translations share: `basic-workflows/sd15-lora`, `about`, `index`. */
export function identityKey(page: { section: string; slug: string }): string {
  return page.section ? `${page.section}/${page.slug}` : page.slug;
}

/** A guide page (as opposed to a home, about or section index page). */
export function isGuidePage(page: { section: string; slug: string }): boolean {
  return page.section !== "" && page.slug !== "index";
}
