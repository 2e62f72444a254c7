/**
 * The sidebar of one language, with the current page marked and its groups opened.
 *
 * A sidebar on every page must not grow with the site, or a site of thousands of pages
 * writes the whole nav thousands of times. A small nav (up to `SMALL_NAV_ITEMS` pages) is
 * shown whole; a larger one shows the current section's pages and the other sections by
 * title, each linking to its index page, which lists its pages. A section without an
 * index page is always shown whole: there is no other way to reach its pages.
 */
import { isPageItem, pageItemsOf, type NavItem, type NavSection } from "./nav-schema.ts";
import type { SiteIndex } from "./site-index.ts";

/** Up to this many page items in a language's nav, every section is listed in full. */
export const SMALL_NAV_ITEMS = 60;

/** A link to a page (possibly a placeholder, shown as not translated). */
export interface NavLinkNode {
  type: "page";
  label: string;
  url: string;
  current: boolean;
  untranslated: boolean;
  /** A nav entry no language has a page for yet. */
  comingSoon?: boolean;
  /** The language of `label` when it is not the page's: a placeholder's borrowed title. */
  labelLang?: string;
  /** Pages listed under this one in the nav. */
  items?: NavNode[];
}

/** A group; `open` when it holds the current page, so the reader sees where they are. */
export interface NavGroupNode {
  type: "group";
  label: string;
  items: NavNode[];
  open: boolean;
}

export type NavNode = NavLinkNode | NavGroupNode;

/** A section with its index page (when there is one) and items. */
export interface NavSectionNode {
  id: string;
  label: string;
  url?: string;
  /** The current page is in this section (or is its index). */
  current: boolean;
  /** Listed by title only: `items` is empty and the section's index page lists them. */
  collapsed: boolean;
  items: NavNode[];
}

const itemCounts = new WeakMap<SiteIndex, Map<string, number>>();

/** How many page items `lang`'s nav lists, counted once per index. */
function navItemCount(index: SiteIndex, lang: string): number {
  let counts = itemCounts.get(index);
  if (!counts) itemCounts.set(index, (counts = new Map()));
  let count = counts.get(lang);
  if (count === undefined) {
    count = (index.nav.get(lang)?.sections ?? []).reduce((n, section) => n + pageItemsOf(section).length, 0);
    counts.set(lang, count);
  }
  return count;
}

/** The nav tree of `lang` as seen from the page at `currentUrl`; items leading nowhere are left out. */
export function navTree(index: SiteIndex, lang: string, currentUrl: string): NavSectionNode[] {
  const nav = index.nav.get(lang);
  if (!nav) return [];
  const currentSection = index.pageAt(currentUrl)?.section;
  const showAll = navItemCount(index, lang) <= SMALL_NAV_ITEMS;
  return nav.sections.map((section) => {
    const url = index.sectionIndex(lang, section.id)?.url;
    const current = section.id === currentSection;
    const collapsed = !showAll && !current && url !== undefined;
    return {
      id: section.id,
      label: section.label,
      ...(url ? { url } : {}),
      current,
      collapsed,
      items: collapsed ? [] : sectionNodes(index, lang, section, currentUrl),
    };
  });
}

function sectionNodes(index: SiteIndex, lang: string, section: NavSection, currentUrl: string): NavNode[] {
  const build = (items: readonly NavItem[]): NavNode[] =>
    items.flatMap((item): NavNode[] => {
      if (!isPageItem(item)) {
        const children = build(item.items);
        return [{ type: "group", label: item.group, items: children, open: containsCurrent(children) }];
      }
      const page = index.pageByNavId(lang, section.id, item.id);
      const children = item.items ? build(item.items) : [];
      // A page that leads nowhere still shows the pages under it.
      if (!page) return children;
      const labelLang = !item.label && page.placeholderOf ? page.placeholderOf.lang : undefined;
      return [
        {
          type: "page",
          label: item.label ?? page.title,
          url: page.url,
          current: page.url === currentUrl,
          untranslated: Boolean(page.placeholderOf),
          ...(page.comingSoon ? { comingSoon: true } : {}),
          ...(labelLang ? { labelLang } : {}),
          ...(children.length ? { items: children } : {}),
        },
      ];
    });
  return build(section.items);
}

function containsCurrent(nodes: readonly NavNode[]): boolean {
  return nodes.some((node) => (node.type === "page" ? node.current || containsCurrent(node.items ?? []) : containsCurrent(node.items)));
}
