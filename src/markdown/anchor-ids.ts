/** The `#fragment` targets of a page, read from the tokens the site itself produces. */
import type { Token } from "./types.ts";
import { htmlTags } from "./html-tags.ts";

/**
 * Every `id` a parsed page will carry: heading ids (set by the heading-anchors plugin
 * during the parse, or written as `{#id}`), `{#id}` on other elements, and `id="…"` in
 * raw HTML. Taken from the site's own markdown-it instance so they match the HTML.
 */
export function anchorIds(tokens: readonly Token[]): Set<string> {
  const ids = new Set<string>();
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      const id = token.attrGet("id");
      if (id !== null && id !== "") ids.add(String(id));
      if (token.type === "html_block" || token.type === "html_inline") {
        for (const tag of htmlTags(token.content)) if (tag.attributes.id) ids.add(tag.attributes.id);
      }
      if (token.children) visit(token.children);
    }
  };
  visit(tokens);
  return ids;
}
