/** A page as navigation and layouts see it: its identity plus what links to it show. */
import { navIdOf, type PageIdentity } from "../content/page-identity.ts";

/** A built page, or the stand-in for a nav entry that has no page in its language. */
export interface PageRef extends PageIdentity {
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

/**
 * The page at `url` with this identity and front matter `data`: the one record both the
 * build (src/eleventy/nav.ts) and the check (src/check/published-urls.ts) index pages by.
 */
export function pageRefOf(identity: PageIdentity, data: Record<string, unknown>, url: string, inputPath: string): PageRef {
  const { title, summary } = data;
  return {
    ...identity,
    navId: navIdOf(identity, data),
    title: typeof title === "string" ? title : identity.slug,
    ...(typeof summary === "string" ? { summary } : {}),
    url,
    inputPath,
  };
}
