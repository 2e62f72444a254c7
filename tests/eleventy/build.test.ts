import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildToDir, buildToJson } from "../helpers/eleventy.ts";
import { writeSite } from "../helpers/fixture-site.ts";

describe("the seed page through Eleventy", async () => {
  const pages = await buildToJson();
  const seed = pages.find((p) => p.url === "/ja/basic-workflows/sd15-lora/");

  test("is built at its permalink", () => {
    expect(seed).toBeDefined();
  });

  test("is a Japanese page with its title and headings", () => {
    const html = seed!.content;
    expect(html).toMatch(/<html lang="ja"/);
    expect(html).toMatch(/<title>LoRA[^<]*<\/title>/);
    expect(html).toContain('content="Stable Diffusion 1.5でのLoRA"');
    expect(html).toMatch(/<h1[^>]*>LoRA<\/h1>/);
    for (const heading of ["LoRAとは？", "LoRAを適用した text2image", "Flux.1以降のモデルと LoRA"]) {
      expect(html).toMatch(new RegExp(`<h2[^>]*>${heading.replace(/[.?]/g, "\\$&")}`));
    }
  });

  test("leaves no attribute syntax in the text", () => {
    expect(seed!.content).not.toMatch(/\{(gyazo|media)=/);
  });
});


const page = (front: string, body = "Body\n") => `---\nlayout: page.njk\n${front}\n---\n${body}`;

describe("page variables and markdown-it-attrs together", () => {
  test("{{ lang }} in the permalink and body, {#id} on a heading, and code kept as written", async () => {
    const root = writeSite({
      "content/ja/s/a.md": page(
        'lang: ja\nslug: a\ntitle: "A"\nsummary: "s"\npermalink: "/{{ lang }}/s/{{ slug }}/"',
        "## 見出し {#custom-id}\n\n{{ lang }} and `{{ title }}` done\n\n```text\nA photo of {{ subject }}, pixel_art\n```\n",
      ),
    });
    // The site also generates pages of its own (root chooser, 404s, sitemap): pick the page by URL.
    const built = (await buildToJson(root)).find((p) => p.url === "/ja/s/a/");
    expect(built!.url).toBe("/ja/s/a/");
    expect(built!.content).toContain('<h2 id="custom-id">見出し<a class="heading-anchor" href="#custom-id"');
    expect(built!.content).toContain("<p>ja and <code>{{ title }}</code> done</p>");
    expect(built!.content).toContain("A photo of {{ subject }}, pixel_art");
  });
});

describe("front matter errors", () => {
  test("fail the build with every problem at path:line, writing nothing", async () => {
    const root = writeSite({
      "content/ja/s/good.md": page('lang: ja\nslug: good\ntitle: "Good"\nsummary: "s"\npermalink: "/ja/s/good/"'),
      "content/ja/s/bad.md": page('lang: JA\nslug: bad\ntitle: ""\npermalink: "/ja/s/bad/"'),
    });
    const output = join(root, "_site");
    const error = await buildToDir(root, output).then(
      () => null,
      (e: unknown) => e,
    );
    const message = String((error as { originalError?: Error })?.originalError?.message ?? error);
    expect(message).toContain('content/ja/s/bad.md:3:1: error: front matter "lang" must be a language code');
    expect(message).toContain('content/ja/s/bad.md:5:1: error: front matter "title" must not be empty (front-matter/invalid)');
    // A missing summary is a warning since issue #16 (the description falls back to the first paragraph).
    expect(message).toContain('content/ja/s/bad.md:1:1: warning: front matter "summary" is empty');
    expect(message).not.toContain('missing required "summary"');
    expect(existsSync(output) && readdirSync(output).length > 0).toBe(false);
  });
});
