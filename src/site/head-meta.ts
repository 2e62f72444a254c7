/** What the `<head>` says about a page to search engines and link previews. */
import { parseGyazoUrl, gyazoPreviewUrl } from "../media/gyazo-url.ts";
import { absoluteUrl, type SiteConfig } from "./site-config.ts";

/** JSON that is safe inside `<script>`: `<` is escaped, so `</script>` and `<!--` cannot occur. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * The absolute URL of a page's share image: its hero when it has one (a Gyazo hero
 * becomes a 1200 px JPEG preview, which link-preview crawlers accept), else the default.
 */
export function shareImage(config: SiteConfig, hero: { image?: string } | undefined): string {
  const image = hero?.image?.trim();
  if (image) {
    const gyazo = parseGyazoUrl(image);
    if (gyazo.kind === "gyazo") return gyazoPreviewUrl(gyazo.ref.id, 1200, "jpg");
    if (/^https?:\/\//.test(image) || image.startsWith("/")) return absoluteUrl(config, image);
  }
  return absoluteUrl(config, config.ogImage);
}

/** The facts an Article's JSON-LD states. */
export interface ArticleFacts {
  title: string;
  summary?: string;
  /** Absolute URL of the page. */
  url: string;
  /** Absolute URL of the share image. */
  image: string;
  /** `<html lang>` value. */
  lang: string;
  siteName: string;
}

/** schema.org Article JSON-LD, ready to place inside `<script type="application/ld+json">`. */
export function articleJsonLd(facts: ArticleFacts): string {
  return jsonForScript({
    "@context": "https://schema.org",
    "@type": "Article",
    headline: facts.title,
    ...(facts.summary ? { description: facts.summary } : {}),
    inLanguage: facts.lang,
    url: facts.url,
    mainEntityOfPage: facts.url,
    image: facts.image,
    isPartOf: { "@type": "WebSite", name: facts.siteName },
  });
}
