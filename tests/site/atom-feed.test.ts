import { describe, expect, test } from "vitest";
import { atomFeed, FEED_LIMIT, type FeedEntry } from "../../src/site/atom-feed.ts";

const info = { title: "Guide: new", lang: "en", feedUrl: "https://guide.test/en/feed.xml", homeUrl: "https://guide.test/en/", author: "Guide" };
const entry = (slug: string, updated: string): FeedEntry => ({ title: slug, url: `https://guide.test/en/s/${slug}/`, updated });
const ids = (xml: string) => [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);

describe("atomFeed", () => {
  test("has the elements RFC 4287 requires of a feed, and of each entry", () => {
    const xml = atomFeed(info, [entry("a", "2026-01-02T00:00:00.000Z")]);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')).toBe(true);
    for (const required of ["<id>https://guide.test/en/feed.xml</id>", "<title>Guide: new</title>", "<updated>2026-01-02T00:00:00.000Z</updated>",
      '<link rel="self" type="application/atom+xml" href="https://guide.test/en/feed.xml"/>', "<author><name>Guide</name></author>"]) {
      expect(xml).toContain(required);
    }
    expect(xml).toMatch(/<entry>\s*<id>https:\/\/guide\.test\/en\/s\/a\/<\/id>\s*<title>a<\/title>\s*<link rel="alternate" type="text\/html" href="https:\/\/guide\.test\/en\/s\/a\/"\/>\s*<updated>2026-01-02T00:00:00\.000Z<\/updated>\s*<\/entry>/);
    expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
  });

  test("newest first, ties by URL, at most FEED_LIMIT entries; the feed is as new as its newest entry", () => {
    const many = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => entry(`p${String(i).padStart(2, "0")}`, `2026-01-${String((i % 28) + 1).padStart(2, "0")}T00:00:00.000Z`));
    const xml = atomFeed(info, [entry("b", "2027-01-01T00:00:00.000Z"), entry("a", "2027-01-01T00:00:00.000Z"), ...many]);
    expect(ids(xml)).toHaveLength(FEED_LIMIT);
    expect(ids(xml).slice(0, 2)).toEqual(["https://guide.test/en/s/a/", "https://guide.test/en/s/b/"]);
    expect(/<feed[^>]*>\s*<id>[^<]*<\/id>\s*<title>[^<]*<\/title>\s*<updated>([^<]+)/.exec(xml)![1]).toBe("2027-01-01T00:00:00.000Z");
  });

  test("escapes text and attributes", () => {
    const xml = atomFeed({ ...info, title: 'A & "B" <C>' }, [{ ...entry("a", "2026-01-01T00:00:00.000Z"), url: "https://guide.test/?a=1&b=2", summary: "1 < 2" }]);
    expect(xml).toContain("<title>A &amp; &quot;B&quot; &lt;C&gt;</title>");
    expect(xml).toContain('href="https://guide.test/?a=1&amp;b=2"');
    expect(xml).toContain("<summary>1 &lt; 2</summary>");
  });

  test("an empty feed is still valid: a fixed updated date, never the build's clock", () => {
    expect(atomFeed(info, [])).toContain("<updated>1970-01-01T00:00:00.000Z</updated>");
  });
});
