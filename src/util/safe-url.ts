/** URL policy shared by every place Markdown, front matter or media data can put a URL into an attribute. */
import { decodeHTML } from "entities";

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

// Browsers drop tab and newline anywhere in a URL and C0 controls and spaces around it
// (WHATWG URL parsing); dropping every one of them anywhere is the cautious superset.
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f]+/g;

function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

// Named references without `;` (`&colon`) are read too: more than an attribute decodes,
// so that no spelling of a scheme slips past.
function referencesDecoded(text: string): string {
  return decodeHTML(text.replace(/&([a-zA-Z][a-zA-Z0-9]*)(?![a-zA-Z0-9;])/g, "&$1;"));
}

function schemeIsSafe(url: string): boolean {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.replace(IGNORED_BY_BROWSERS, ""));
  return !scheme || SAFE_SCHEMES.has(scheme[1]!.toLowerCase() + ":");
}

/**
 * True when a URL from author input cannot run script: relative URLs, fragments and the
 * http(s)/mailto schemes. The URL is judged as written and after every decoding a
 * browser or a later step could apply (character references with or without `;`,
 * decimal or hex; percent-encoding; several rounds of both), with whitespace and control
 * characters removed (`java\tscript:` runs); any reading with another scheme is unsafe.
 */
export function isSafeUrl(raw: string): boolean {
  let view = raw;
  for (let round = 0; round < 4; round++) {
    if (!schemeIsSafe(view)) return false;
    const next = percentDecoded(referencesDecoded(view));
    if (next === view) return true;
    view = next;
  }
  return schemeIsSafe(view);
}
