/**
 * A search result's excerpt cut from the page's own text: it starts at a sentence or phrase
 * boundary, and the whole query is marked as one run. Pagefind's excerpt starts wherever
 * its word window does ("ったワードを…") and marks each segmented piece of a Japanese query
 * on its own (トリガー, ワード), so its own excerpt is only the fallback. DOM-free.
 */
import type { Segment } from "./search-results.ts";

/** How far before the match the excerpt may start, in characters. */
const LOOKBACK = 40;
/** Length budget in half-width units: a CJK character counts two, so ~55 of them or ~110 Latin letters. */
const BUDGET = 110;

const SENTENCE_END = /[。．！？!?]/;
const CLAUSE_MARK = /[、，,;；:：]/;
const CLOSING = /[」』）)］\]】〉》"”]/;
const OPENING = /[「『（(［[【〈《"“]/;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Whether the character at `i` ends a sentence (a full stop, or a Latin period before a space). */
const endsSentence = (text: string, i: number) =>
  SENTENCE_END.test(text[i]!) || (text[i] === "." && (i + 1 >= text.length || text[i + 1] === " "));

/** A term as a pattern; a Latin one only at a word start, so "lo" never marks the middle of "colour". */
const termPattern = (term: string) =>
  (/^[\p{L}\p{N}]/u.test(term) && !WIDE.test(term[0]!) ? "(?<![\\p{Script=Latin}\\p{N}_])" : "") + term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The terms to mark: the whole query when the text has it, else each of its words. */
function matcher(content: string, query: string): RegExp | undefined {
  const whole = query.trim().replace(/\s+/g, " ");
  if (!whole) return undefined;
  const phrase = new RegExp(termPattern(whole).replace(/ /g, "\\s+"), "giu");
  // test() on a global pattern moves its lastIndex: callers get fresh copies of the source.
  if (phrase.test(content)) return phrase;
  const words = whole.split(" ").filter(Boolean).sort((a, b) => b.length - a.length).map(termPattern);
  const any = new RegExp(words.join("|"), "giu");
  return any.test(content) ? any : undefined;
}

/** Word starts in `text` (Intl.Segmenter), or none where the browser lacks it. */
function wordStarts(text: string, lang: string): number[] {
  if (typeof Intl === "undefined" || !("Segmenter" in Intl)) return [];
  const segmenter = new Intl.Segmenter(lang, { granularity: "word" });
  return [...segmenter.segment(text)]
    // A word starting with hiragana is usually a particle or an inflection: no phrase starts there.
    .filter((s) => s.isWordLike && !/^[\u3040-\u309f]/.test(s.segment))
    .map((s) => s.index);
}

/**
 * Where an excerpt around a match at `at` starts: the nearest sentence start in the last
 * LOOKBACK characters, else the nearest phrase start (after a comma, or at an opening
 * bracket), else the first word there that is not a particle, else the match itself.
 */
export function excerptStart(content: string, at: number, lang: string): number {
  const from = Math.max(0, at - LOOKBACK);
  if (from === 0 && at <= LOOKBACK) return 0;
  let sentence = -1;
  let clause = -1;
  for (let i = at - 1; i >= from && sentence < 0; i--) {
    const c = content[i]!;
    // "…したい！」と思った": a full stop inside a quotation ends no sentence.
    if (endsSentence(content, i) && !CLOSING.test(content[i + 1] ?? "")) sentence = i + 1;
    else if (clause < 0 && CLAUSE_MARK.test(c)) clause = i + 1;
    else if (clause < 0 && OPENING.test(c)) clause = i;
  }
  const skipSpace = (i: number) => {
    while (i < at && /\s/.test(content[i]!)) i++;
    return i;
  };
  if (sentence >= 0) return skipSpace(sentence);
  if (clause >= 0) return skipSpace(clause);
  const words = wordStarts(content.slice(from, at), lang).map((i) => from + i);
  return words.length ? words[0]! : at;
}

/**
 * The excerpt's end: where the budget runs out, pulled back to the last full stop after the
 * match in the second half of the budget, else to a word start; never inside the match.
 */
function excerptEnd(content: string, start: number, matchEnd: number, lang: string): number {
  let units = 0;
  let end = start;
  let sentenceEnd = -1;
  while (end < content.length && units < BUDGET) {
    units += WIDE.test(content[end]!) ? 2 : 1;
    if (end >= matchEnd && units > BUDGET / 2 && endsSentence(content, end) && !CLOSING.test(content[end + 1] ?? "")) sentenceEnd = end + 1;
    end++;
  }
  if (end >= content.length) return content.length;
  if (sentenceEnd > 0) return sentenceEnd;
  const words = wordStarts(content.slice(matchEnd, end), lang).map((i) => matchEnd + i);
  const spaces = content.slice(matchEnd, end).lastIndexOf(" ");
  const cut = Math.max(words.length > 1 ? words[words.length - 1]! : -1, spaces >= 0 ? matchEnd + spaces : -1);
  return Math.max(cut, matchEnd);
}

/** How many of the first matches are tried as the excerpt's anchor. */
const CANDIDATES = 12;

/**
 * The window around the match that shows the most matches (the earliest on a tie), as
 * Pagefind chooses its own: a heading or list label alone ("トリガーワード") loses to the
 * sentence that explains it.
 */
function densestWindow(text: string, pattern: RegExp, lang: string): { start: number; end: number } {
  const matches = [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  let best = { start: 0, end: 0, count: -1 };
  for (const match of matches.slice(0, CANDIDATES)) {
    const start = excerptStart(text, match.at, lang);
    const end = excerptEnd(text, start, match.end, lang);
    const count = matches.filter((m) => m.at >= start && m.end <= end).length;
    if (count > best.count) best = { start, end, count };
  }
  return best;
}

/** The excerpt of `content` for `query`, or undefined when the text holds none of its words. */
export function buildExcerpt(content: string, query: string, lang: string): Segment[] | undefined {
  const text = content.replace(/\s+/g, " ");
  const pattern = matcher(text, query);
  if (!pattern) return undefined;
  const { start, end } = densestWindow(text, pattern, lang);
  const window = text.slice(start, end).trimEnd();
  const segments: Segment[] = [];
  const push = (part: string, mark: boolean) => {
    const prev = segments[segments.length - 1];
    if (prev && prev.mark === mark) prev.text += part;
    else if (part) segments.push({ text: part, mark });
  };
  let before = start - 1;
  while (before >= 0 && text[before] === " ") before--;
  if (before >= 0 && !endsSentence(text, before)) push("…", false);
  let last = 0;
  for (const m of window.matchAll(new RegExp(pattern.source, pattern.flags))) {
    push(window.slice(last, m.index), false);
    push(m[0], true);
    last = m.index + m[0].length;
  }
  push(window.slice(last), false);
  if (end < text.length && !endsSentence(text, end - 1)) push("…", false);
  return segments;
}
