/** URL policy shared by every place Markdown can put a URL into an attribute. */

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * True when a URL from author input cannot run script: relative URLs, fragments and the
 * http(s)/mailto schemes. Whitespace and control characters are stripped first because
 * browsers ignore them inside a scheme (`java\tscript:` runs).
 */
export function isSafeUrl(raw: string): boolean {
  const url = raw.replace(/[\u0000-\u0020\u007f]+/g, "");
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme) return true;
  return SAFE_SCHEMES.has(scheme[1]!.toLowerCase() + ":");
}
