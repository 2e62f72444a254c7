/**
 * A small site written the way a real, published guide is (issue #16): no home pages,
 * site titles in site.json, `section:` and `{{ section }}` permalinks, every `hero` form,
 * tags, a draft, an empty summary, YouTube embeds, mediaRow without a space, a GIF clip,
 * emoji headings. It must build (warnings only) and each form must show as promised.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildToDir } from "../helpers/eleventy.ts";
import { validateSite } from "../helpers/render.ts";
import { writeSite } from "../helpers/fixture-site.ts";

const GYAZO = "0123456789abcdef0123456789abcdef";
const GIF = "fedcba9876543210fedcba9876543210";
const YT = "dQw4w9WgXcQ";

const nav = (label: string, items: string[]) => JSON.stringify({ sections: [{ id: "basics", label, items: items.map((id) => ({ id })) }] }, null, 2);

const files: Record<string, string> = {
  "content/_data/site.json": JSON.stringify({ url: "https://guide.example", title: { ja: "実ガイド", en: "Real Guide" }, description: { ja: "実ガイドの説明", en: "About the real guide" } }),
  "content/_data/nav/ja.json": nav("基本", ["start", "clips"]),
  "content/_data/nav/en.json": nav("Basics", ["start", "clips"]),
  "content/ja/basics/start.md": `---
layout: page.njk
lang: ja
section: basics
slug: start
title: "はじめる"
summary: ""
permalink: "/{{ lang }}/{{ section }}/{{ slug }}/"
hero:
  image: "https://gyazo.com/${GYAZO}"
  alt: "完成したグラフ"
tags: [入門, LoRA]
lastUpdated: 2025-03-14
---

ComfyUI を起動して、最初の画像を作ります。

## ⚠️ 注意

<iframe width="560" height="315" src="https://www.youtube.com/embed/${YT}?si=x" title="YouTube video player" frameborder="0" allowfullscreen></iframe>

{% mediaRow img="https://gyazo.com/${GYAZO}{gyazo=image}" alt="画面" align="right" width="40" %}
横に並ぶ説明。
{% endmediaRow %}

![動く例](https://i.gyazo.com/${GIF}.gif){gyazo=loop}
`,
  "content/en/basics/start.md": `---
layout: page.njk
lang: en
section: basics
slug: start
title: "Getting started"
summary: "Start ComfyUI"
permalink: "/{{ lang }}/{{ section }}/{{ slug }}/"
hero:
  gradient: "linear-gradient(135deg, #223 0%, #445 100%)"
tags: [basics]
---

[Watch first](https://youtu.be/${YT})

Text.
`,
  "content/ja/basics/clips.md": `---
layout: page.njk
lang: ja
slug: clips
title: "クリップ"
summary: "外部の画像"
permalink: "/ja/basics/clips/"
hero:
  image: "https://images.example/hero.webp"
  alt: "外部の画像"
---

本文。
`,
  "content/en/basics/clips.md": `---
layout: page.njk
lang: en
slug: clips
title: "Clips"
summary: "No hero"
permalink: "/en/basics/clips/"
hero: null
---

Body.
`,
  "content/en/basics/later.md": `---
layout: page.njk
lang: en
slug: later
title: "Not yet"
summary: "Unfinished"
permalink: "/en/basics/later/"
draft: true
---

Draft text.
`,
};

describe("a site written the way a real guide is", async () => {
  const root = writeSite(files);
  const diagnostics = validateSite(root);
  const out = await buildToDir(root);
  const read = (url: string) => readFileSync(join(out, url, /\.(html|xml|webmanifest)$/.test(url) ? "" : "index.html"), "utf8");

  test("checks with warnings only, the ones the issue asks for", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const rules = new Set(diagnostics.map((d) => d.rule));
    for (const rule of ["front-matter/summary", "media/size-unknown"]) expect(rules).toContain(rule);
  });

  test("{{ section }} in a permalink is the section; the page builds there", () => {
    expect(existsSync(join(out, "ja/basics/start/index.html"))).toBe(true);
    expect(existsSync(join(out, "en/basics/start/index.html"))).toBe(true);
  });

  test("every hero form: a Gyazo image of unknown size in the 16:9 box, an external image, and no image for gradient or null", () => {
    expect(read("/ja/basics/start/")).toContain(`<img class="article-hero is-unsized" src="https://i.gyazo.com/${GYAZO}.png" alt="完成したグラフ" width="720" height="405"`);
    expect(read("/ja/basics/clips/")).toContain('<img class="article-hero is-unsized" src="https://images.example/hero.webp" alt="外部の画像"');
    expect(read("/en/basics/start/")).not.toContain("article-hero");
    expect(read("/en/basics/clips/")).not.toContain("article-hero");
  });

  test("tags are chips linking to the tag pages of the page's language", () => {
    const html = read("/ja/basics/start/");
    expect(html).toContain('<ul class="tag-chips" aria-label="タグ">');
    expect(html).toContain('<a class="tag-chip" href="/ja/tags/入門/">入門</a>');
    expect(html).toContain('<a class="tag-chip" href="/ja/tags/lora/">LoRA</a>');
  });

  test("an empty summary: the description is the first paragraph", () => {
    expect(read("/ja/basics/start/")).toContain('<meta name="description" content="ComfyUI を起動して、最初の画像を作ります。">');
    expect(read("/en/basics/start/")).toContain('<meta name="description" content="Start ComfyUI">');
  });

  test("a draft is not built, and not in the sitemap", () => {
    expect(existsSync(join(out, "en/basics/later"))).toBe(false);
    expect(read("/sitemap.xml")).not.toContain("later");
  });

  test("YouTube: the raw iframe and a link-only paragraph are click-to-load facades; no iframe is shipped", () => {
    const ja = read("/ja/basics/start/");
    expect(ja).toContain(`<figure class="youtube" data-youtube="${YT}"><a class="youtube-link" href="https://www.youtube.com/watch?v=${YT}"`);
    expect(ja).not.toContain("<iframe");
    expect(read("/en/basics/start/")).toContain(`<figcaption>Watch first</figcaption>`);
  });

  test("media as written: mediaRow without a space, a GIF URL played as its mp4, an emoji heading's id", () => {
    const ja = read("/ja/basics/start/");
    expect(ja).toMatch(new RegExp(`<div class="media-text media-text-right"[^>]*>\\s*<figure class="media" data-media="image"><img src="https://i.gyazo.com/${GYAZO}/max_size/720.png"`));
    expect(ja).toContain(`<video src="https://i.gyazo.com/${GIF}.mp4"`);
    expect(ja).toContain('<h2 id="注意">');
  });

  test("no content/<lang>/index.md: each language still gets a home from the nav, titled from site.json", () => {
    const home = read("/ja/");
    expect(home).toContain("<title>実ガイド</title>");
    expect(home).toContain('<h1>実ガイド</h1>');
    expect(home).toContain('<a href="/ja/basics/start/">はじめる</a>');
    // No authored text: kept out of search.
    expect(home).not.toContain("data-pagefind-body");
    expect(read("/en/")).toContain("<title>Real Guide</title>");
    const root = read("/index.html");
    expect(root).toContain("<title>実ガイド / Real Guide</title>");
    expect(root).toContain('href="/ja/"');
    expect(root).toContain('href="/en/"');
  });

  test("the site title from site.json heads every page", () => {
    expect(read("/en/basics/clips/")).toContain("<title>Clips | Real Guide</title>");
    expect(read("/en/basics/clips/")).toContain('<span class="site-title-text">Real Guide</span>');
    expect(JSON.parse(read("/manifest.webmanifest"))).toMatchObject({ name: "実ガイド" });
  });
});
