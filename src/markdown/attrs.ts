/** markdown-it-attrs, registered with the attributes authors may set and nothing else. */
import markdownItAttrs from "markdown-it-attrs";
import type { MarkdownIt } from "./types.ts";

/**
 * Attributes `{…}` may set. Everything else — `on*` handlers, `style`, `href`/`src`
 * overrides, `srcdoc` — is dropped by markdown-it-attrs before any renderer sees it.
 * `gyazo` and `media` are consumed by the media plugin and never reach the HTML.
 */
export const ALLOWED_ATTRIBUTES: readonly string[] = ["id", "class", "lang", "title", "gyazo", "media"];

/** Registers markdown-it-attrs with the allowlist above. */
export function attrsPlugin(md: MarkdownIt): void {
  md.use(markdownItAttrs, { allowedAttributes: [...ALLOWED_ATTRIBUTES] });
}
