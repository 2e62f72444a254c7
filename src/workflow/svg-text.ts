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
function estimatedWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f300)) return 1;
  if (/[A-Z MW@%mw]/.test(char)) return 0.68;
  if (/[ilj.,:;'!|()[\] ]/.test(char)) return 0.3;
  return 0.56;
}

// ASCII is looked up: a title is measured again at every size it is tried at, and two
// regular expressions a character were half the time of fitting one.
const ASCII_WIDTHS = Array.from({ length: 128 }, (_, code) => estimatedWidth(String.fromCharCode(code)));

/** {@link estimatedWidth}, from the table for ASCII. */
function charWidth(char: string): number {
  return ASCII_WIDTHS[char.charCodeAt(0)] ?? estimatedWidth(char);
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

/**
 * Where a title may break: at spaces (dropped), and inside a word too long for a line at a
 * lower-to-upper case change or after `_ - /` ("ConditioningZeroOut" → "Conditioning|Zero|Out").
 */
function breakUnits(text: string): { text: string; space: boolean }[] {
  const units: { text: string; space: boolean }[] = [];
  for (const word of text.split(" ")) {
    if (word === "") continue;
    word.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[_\-/])/).forEach((piece, i) => units.push({ text: piece, space: i === 0 && units.length > 0 }));
  }
  return units;
}

/** `text` broken into at most `maxLines` lines of `maxWidth`; the last one cut with an ellipsis if needed. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const units = breakUnits(text.trim());
  const lines: string[] = [];
  let line = "";
  let i = 0;
  while (i < units.length && lines.length < maxLines - 1) {
    const unit = units[i]!;
    const next = line === "" ? unit.text : line + (unit.space ? " " : "") + unit.text;
    if (textWidth(next, fontSize) <= maxWidth || line === "") {
      line = next;
      i++;
      continue;
    }
    lines.push(fitText(line, maxWidth, fontSize));
    line = "";
  }
  let rest = line;
  for (; i < units.length; i++) rest += (rest !== "" && units[i]!.space ? " " : "") + units[i]!.text;
  if (rest) lines.push(fitText(rest, maxWidth, fontSize));
  return lines.filter((l) => l !== "");
}

/** Whether the lines hold all of `text` (no line was cut with an ellipsis). */
function whole(lines: readonly string[], text: string): boolean {
  return text.includes("…") || !lines.some((l) => l.endsWith("…"));
}

/**
 * A title in at most `maxLines` lines, at the largest size from `fontSize` down to
 * `minSize` at which it fits whole: a long title wraps, then shrinks, and is cut only
 * when even the smallest size cannot hold it.
 */
export function fitTitle(text: string, maxWidth: number, fontSize: number, maxLines: number, minSize: number): { lines: string[]; size: number } {
  for (let size = fontSize; size > minSize; size *= 0.9) {
    const lines = wrapText(text, maxWidth, size, maxLines);
    if (whole(lines, text)) return { lines, size };
  }
  return { lines: wrapText(text, maxWidth, minSize, maxLines), size: minSize };
}
