/** An Atom feed (RFC 4287) of a language's guide pages, newest change first. */

/** One page in the feed. */
export interface FeedEntry {
  title: string;
  summary?: string;
  /** Absolute URL of the page; also its Atom id. */
  url: string;
  /** ISO 8601 instant of its last change. */
  updated: string;
}

/** What the feed says about itself. */
export interface FeedInfo {
  title: string;
  /** `<html lang>` value of the language. */
  lang: string;
  /** Absolute URL of the feed itself (its id and `rel="self"`). */
  feedUrl: string;
  /** Absolute URL of the language's home. */
  homeUrl: string;
  /** Who the pages are by: Atom requires an author for each entry or for the feed. */
  author: string;
}

/** At most this many entries: a feed lists what is new, not the whole site. */
export const FEED_LIMIT = 30;

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Epoch when no page has a date: Atom requires `updated`, and a build must not invent one. */
const NO_DATE = "1970-01-01T00:00:00.000Z";

/**
 * The feed's XML. Entries without a date are left out by the caller (a page whose last
 * change is unknown is not news); ties are broken by URL so every build writes the same file.
 */
export function atomFeed(info: FeedInfo, entries: readonly FeedEntry[]): string {
  const sorted = [...entries].sort((a, b) => b.updated.localeCompare(a.updated) || a.url.localeCompare(b.url)).slice(0, FEED_LIMIT);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(info.lang)}">`,
    `  <id>${escapeXml(info.feedUrl)}</id>`,
    `  <title>${escapeXml(info.title)}</title>`,
    `  <updated>${sorted[0]?.updated ?? NO_DATE}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(info.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(info.homeUrl)}"/>`,
    `  <author><name>${escapeXml(info.author)}</name></author>`,
  ];
  for (const entry of sorted) {
    lines.push(
      `  <entry>`,
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <updated>${entry.updated}</updated>`,
      ...(entry.summary ? [`    <summary>${escapeXml(entry.summary)}</summary>`] : []),
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}
