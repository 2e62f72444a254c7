import { describe, expect, test } from "vitest";
import { siteConfigSchema } from "../../src/site/site-config.ts";
import { sitemapEntries } from "../../src/site/sitemap.ts";
import { fixtureIndex, ref } from "../nav/site-fixture.ts";

describe("sitemapEntries", () => {
  const config = siteConfigSchema.parse({ url: "https://example.com" });
  const index = fixtureIndex([ref("en", "", "404", { noindex: true, url: "/en/404.html" })]);
  const entries = sitemapEntries(index, config, (code) => (code === "en" ? "en-US" : code));

  test("lists real pages with absolute URLs and their alternates (hreflang values from the locale)", () => {
    expect(entries.find((e) => e.loc === "https://example.com/en/guide/a/")).toEqual({
      loc: "https://example.com/en/guide/a/",
      alternates: [
        { hreflang: "ja", href: "https://example.com/ja/guide/a/" },
        { hreflang: "en-US", href: "https://example.com/en/guide/a/" },
        { hreflang: "x-default", href: "https://example.com/ja/guide/a/" },
      ],
    });
  });

  test("leaves out placeholders and noindex pages; adds the root chooser", () => {
    const locs = entries.map((e) => e.loc);
    expect(locs).not.toContain("https://example.com/en/guide/b/");
    expect(locs).not.toContain("https://example.com/en/404.html");
    expect(locs).toContain("https://example.com/");
    expect(locs).toEqual([...locs].sort());
  });
});
