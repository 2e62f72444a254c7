import { describe, expect, test } from "vitest";
import { articleJsonLd, jsonForScript, shareImage } from "../../src/site/head-meta.ts";
import { siteConfigSchema } from "../../src/site/site-config.ts";

const config = siteConfigSchema.parse({ url: "https://example.com/", ogImage: "/assets/og.png" });

describe("jsonForScript", () => {
  test("cannot close the script element or open a comment", () => {
    const json = jsonForScript({ title: "</script><script>alert(1)</script><!--" });
    expect(json).not.toContain("</");
    expect(json).not.toContain("<!--");
    expect(JSON.parse(json)).toEqual({ title: "</script><script>alert(1)</script><!--" });
  });
});

describe("shareImage", () => {
  test.each([
    [undefined, "https://example.com/assets/og.png"],
    [{ image: "" }, "https://example.com/assets/og.png"],
    [{ image: "/img/hero.png" }, "https://example.com/img/hero.png"],
    [{ image: "https://cdn.example.org/x.jpg" }, "https://cdn.example.org/x.jpg"],
    [{ image: "https://gyazo.com/c2eee3ec1ec36c052a302dc344ff1a69" }, "https://i.gyazo.com/c2eee3ec1ec36c052a302dc344ff1a69/max_size/1200.jpg"],
    [{ image: "relative.png" }, "https://example.com/assets/og.png"],
  ])("%j → %s", (hero, url) => expect(shareImage(config, hero)).toBe(url));
});

describe("articleJsonLd", () => {
  test("states the article's facts", () => {
    const data = JSON.parse(
      articleJsonLd({ title: "LoRA", summary: "s", url: "https://example.com/ja/a/", image: "https://example.com/i.png", lang: "ja", siteName: "Site" }),
    );
    expect(data).toEqual({
      "@context": "https://schema.org",
      "@type": "Article",
      headline: "LoRA",
      description: "s",
      inLanguage: "ja",
      url: "https://example.com/ja/a/",
      mainEntityOfPage: "https://example.com/ja/a/",
      image: "https://example.com/i.png",
      isPartOf: { "@type": "WebSite", name: "Site" },
    });
  });
});
