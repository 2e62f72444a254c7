/**
 * Text in the SVG preview: escaping, and fitting titles into node boxes without a font
 * engine (widths are estimated per character class; a slightly short line beats overflow).
 */

// XML 1.0 forbids most control characters and lone surrogates; one would make the file unreadable.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Estimated advance of one character, in ems, for a typical sans-serif UI font. */
function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f300)) return 1;
  if (/[A-Z MW@%mw]/.test(char)) return 0.68;
  if (/[ilj.,:;'!|()[\] ]/.test(char)) return 0.3;
  return 0.56;
}

/** Estimated width of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize;
}

/** `text` cut with an ellipsis so that it fits `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let width = textWidth("…", fontSize);
  let end = 0;
  while (end < chars.length && width + charWidth(chars[end]!) * fontSize <= maxWidth) width += charWidth(chars[end++]!) * fontSize;
  return end === 0 ? "" : chars.slice(0, end).join("").trimEnd() + "…";
}

/** `text` broken at spaces into at most `maxLines` lines of `maxWidth`; the last one cut if needed. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest && lines.length < maxLines - 1 && textWidth(rest, fontSize) > maxWidth) {
    const words = rest.split(" ");
    let line = words[0]!;
    let i = 1;
    while (i < words.length && textWidth(`${line} ${words[i]}`, fontSize) <= maxWidth) line += ` ${words[i++]}`;
    if (i === 1 && textWidth(line, fontSize) > maxWidth) break; // one long word: cut it below instead
    lines.push(line);
    rest = words.slice(i).join(" ");
  }
  if (rest) lines.push(fitText(rest, maxWidth, fontSize));
  return lines.filter((l) => l !== "");
}
