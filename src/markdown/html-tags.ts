/** Start tags in an author's raw HTML, for the rules that look at `<a href>`, `<img>` and `id`. */

/** One start tag: lower-case name, attributes (valueless ones map to ""), and its source text. */
export interface HtmlTag {
  name: string;
  attributes: Record<string, string>;
  source: string;
}

const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every start tag in `html`, comments skipped. */
export function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const m of html.replace(/<!--[\s\S]*?-->/g, "").matchAll(START_TAG)) {
    const attributes: Record<string, string> = {};
    for (const a of (m[2] ?? "").matchAll(ATTRIBUTE)) {
      attributes[a[1]!.toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? "";
    }
    tags.push({ name: m[1]!.toLowerCase(), attributes, source: m[0] });
  }
  return tags;
}
