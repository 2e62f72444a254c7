/** Records in a translation which version of its source it follows (`translationOf`). */
import type { TranslationOf } from "../check/translation-hash.ts";

/** The YAML block written for a stamp; the hash is quoted because `123456789012` is a number in YAML. */
export function stampBlock(stamp: Required<TranslationOf>, eol = "\n"): string {
  return `translationOf:${eol}  lang: ${stamp.lang}${eol}  hash: "${stamp.hash}"${eol}`;
}

/**
 * `text` (a whole Markdown file) with its `translationOf` block replaced by `stamp`, or
 * the block added at the end of the front matter. Everything else is left byte for byte.
 * Throws when the file has no front matter.
 */
export function stampTranslation(text: string, stamp: Required<TranslationOf>): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) throw new Error("the file has no front matter");
  const closeAt = text.slice(open[0].length).search(/^---[ \t]*$/m);
  if (closeAt < 0) throw new Error("the file's front matter is not closed by ---");
  const start = open[0].length;
  const end = start + closeAt;
  const lines = text.slice(start, end).split(/(?<=\n)/);
  const first = lines.findIndex((l) => /^translationOf\s*:/.test(l));
  if (first < 0) {
    const front = text.slice(start, end);
    const joiner = front === "" || front.endsWith("\n") ? "" : eol;
    return text.slice(0, end) + joiner + stampBlock(stamp, eol) + text.slice(end);
  }
  let after = first + 1;
  while (after < lines.length && /^[ \t]+\S/.test(lines[after]!)) after++;
  const replaced = [...lines.slice(0, first), stampBlock(stamp, eol), ...lines.slice(after)].join("");
  return text.slice(0, start) + replaced + text.slice(end);
}
