/** The page context through Eleventy: every layout of a built site shows what src/site/page-context.ts prepared. */
import { describe, expect, test } from "vitest";
import { buildToJson, type BuiltPage } from "../helpers/eleventy.ts";
import { fixtureFiles, writeSite } from "../helpers/fixture-site.ts";

const byUrl = (pages: BuiltPage[], url: string) => pages.find((p) => p.url === url)?.content ?? "";

describe("a fixture site's layouts", async () => {
  const pages = await buildToJson(writeSite(fixtureFiles()));

  test("a language's 404 page links to that language's home (it once linked to itself, href=\"\")", () => {
    expect(byUrl(pages, "/en/404.html")).toContain('<p><a href="/en/">Go to the home page</a></p>');
    expect(byUrl(pages, "/ja/404.html")).toContain('<p><a href="/ja/">ホームへ戻る</a></p>');
  });

  test("the root chooser's head is the shared head: every home's title, the homes' cluster, Open Graph in full", () => {
    const root = byUrl(pages, "/");
    expect(root).toContain("<title>ComfyUI ガイド / ComfyUI Guide</title>");
    expect(root).toContain('<link rel="alternate" hreflang="x-default" href="https://fixture.example/">');
    expect(root).toContain('<meta property="og:site_name" content="ComfyUI ガイド">');
    expect(root).toContain('<meta name="twitter:title" content="ComfyUI ガイド">');
    expect(root.match(/<title>/g)).toHaveLength(1);
  });

  test("the root 404 is noindex, with its own URL and no canonical", () => {
    const notFound = byUrl(pages, "/404.html");
    expect(notFound).toContain('<meta name="robots" content="noindex">');
    expect(notFound).toContain('<meta property="og:url" content="https://fixture.example/404.html">');
    expect(notFound).not.toContain('rel="canonical"');
  });

  test("prev/next writes each neighbour once, in nav order", () => {
    const b = byUrl(pages, "/ja/guide/b/");
    const links = [...b.matchAll(/<a class="prev-next-link is-(prev|next)" href="([^"]+)" rel="(prev|next)">/g)].map((m) => [m[1], m[2], m[3]]);
    expect(links).toEqual([
      ["prev", "/ja/guide/a/", "prev"],
      ["next", "/ja/guide/c/", "next"],
    ]);
  });
});
