/**
 * File-level rules: UTF-8 without a byte order mark, and what the Markdown pipeline
 * silently drops: unsafe URLs markdown-it leaves as text, `{…}` attributes outside the
 * allowlist (src/markdown/attrs.ts). Raw HTML is covered by `html/disallowed`.
 */
import type { Diagnostic } from "../../diagnostics.ts";
import { ALLOWED_ATTRIBUTES } from "../../markdown/attrs.ts";
import { isSafeUrl } from "../../util/safe-url.ts";
import { FILE_START, finding, perPage, type Rule } from "../rule.ts";
import type { SitePage } from "../site-model.ts";
import type { Located } from "../../markdown/source-lines.ts";

/** Byte offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong 3- and 4-byte forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

function positionOf(bytes: Uint8Array, offset: number): Located {
  const before = Buffer.from(bytes.subarray(0, offset)).toString("utf8");
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: before.length - lineStart + 1 };
}

function encodingProblems(page: SitePage): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { bytes } = page;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    out.push(finding(page, FILE_START, "error", "files/bom", "file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM"));
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const message = `byte 0x${bytes[bad]!.toString(16).padStart(2, "0")} at offset ${bad} is not valid UTF-8; save the file as UTF-8`;
    out.push(finding(page, positionOf(bytes, bad), "error", "files/encoding", message));
  }
  return out;
}

// Attributes whose value a browser follows as a URL.
const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background", "cite"]);

function droppedProblems(page: SitePage): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const url of page.facts.refusedUrls) {
    const message = `"${url.url}" is not a safe URL, so the link shows as plain text; use an http(s), mailto or relative URL`;
    out.push(finding(page, url, "error", "files/unsafe-url", message));
  }
  for (const attr of page.facts.droppedAttributes) {
    const written = `{${attr.name}=${attr.value}}`;
    if (/^on/i.test(attr.name)) {
      out.push(finding(page, attr, "error", "files/event-handler", `${written} is an event handler; Markdown may not run script, and the attribute is dropped`));
    } else if (URL_ATTRIBUTES.has(attr.name.toLowerCase()) && !isSafeUrl(attr.value)) {
      // `{href=javascript:…}`: dropped like any attribute, but an attempt at script all the same.
      out.push(finding(page, attr, "error", "files/unsafe-url", `${written} is not a safe URL and the attribute is dropped; Markdown may not run script`));
    } else {
      const message = `${written} is dropped: {…} may only set ${ALLOWED_ATTRIBUTES.join(", ")}`;
      out.push(finding(page, attr, "warning", "files/dropped-attribute", message));
    }
  }
  return out;
}

const fileProblems = perPage((page) => [...encodingProblems(page), ...droppedProblems(page)]);

/** Encoding, unsafe URLs and dropped attributes, for every content file. */
export const filesRule: Rule = (model) => model.pages.flatMap(fileProblems);
