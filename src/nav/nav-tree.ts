/** The sidebar of one language, with the current page marked and its groups opened. */
import { isPageItem, type NavItem } from "./nav-schema.ts";
import type { SiteIndex } from "./site-index.ts";

/** A link to a page (possibly a placeholder, shown as not translated). */
export interface NavLinkNode {
  type: "page";
  label: string;
  url: string;
  current: boolean;
  untranslated: boolean;
  /** The language of `label` when it is not the page's: a placeholder's borrowed title. */
  labelLang?: string;
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
  items: NavNode[];
}

/** The nav tree of `lang` as seen from the page at `currentUrl`; items leading nowhere are left out. */
export function navTree(index: SiteIndex, lang: string, currentUrl: string): NavSectionNode[] {
  const nav = index.nav.get(lang);
  if (!nav) return [];
  return nav.sections.map((section) => {
    const build = (items: readonly NavItem[]): NavNode[] =>
      items.flatMap((item): NavNode[] => {
        if (!isPageItem(item)) {
          const children = build(item.items);
          return [{ type: "group", label: item.group, items: children, open: containsCurrent(children) }];
        }
        const page = index.pageByNavId(lang, section.id, item.id);
        if (!page) return [];
        const labelLang = !item.label && page.placeholderOf ? page.placeholderOf.lang : undefined;
        return [
          {
            type: "page",
            label: item.label ?? page.title,
            url: page.url,
            current: page.url === currentUrl,
            untranslated: Boolean(page.placeholderOf),
            ...(labelLang ? { labelLang } : {}),
          },
        ];
      });
    const items = build(section.items);
    const url = index.sectionIndex(lang, section.id)?.url;
    return {
      id: section.id,
      label: section.label,
      ...(url ? { url } : {}),
      current: url === currentUrl || containsCurrent(items),
      items,
    };
  });
}

function containsCurrent(nodes: readonly NavNode[]): boolean {
  return nodes.some((node) => (node.type === "page" ? node.current : containsCurrent(node.items)));
}
