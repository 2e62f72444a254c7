import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { buildToDir } from "../helpers/eleventy.ts";
import { fixtureFiles, writeSite } from "../helpers/fixture-site.ts";

/** The fixture site with tags on two Japanese pages and one English page. */
function taggedSite(): string {
  const files = fixtureFiles();
  const tag = (text: string, tags: string[]) => text.replace(/\n---\n/, `\ntags: ${JSON.stringify(tags)}\n---\n`);
  files["content/ja/guide/a.md"] = tag(files["content/ja/guide/a.md"]!, ["LoRA", "入門"]);
  files["content/ja/guide/b.md"] = tag(files["content/ja/guide/b.md"]!, ["lora"]);
  files["content/en/guide/a.md"] = tag(files["content/en/guide/a.md"]!, ["LoRA"]);
  return writeSite(files);
}

describe("tag index pages", () => {
  test("each tag of each language lists its pages, and every chip leads to one", async () => {
    const out = await buildToDir(taggedSite());
    const ja = readFileSync(`${out}/ja/tags/lora/index.html`, "utf8");
    expect(ja).toContain("<h1>タグ「LoRA」のページ</h1>");
    expect(ja).toContain('<a href="/ja/guide/a/">エー</a>');
    expect(ja).toContain('<a href="/ja/guide/b/">ビー</a>');
    expect(ja).not.toContain("/en/guide/a/\">");
    const en = readFileSync(`${out}/en/tags/lora/index.html`, "utf8");
    expect(en).toContain("<h1>Pages tagged “LoRA”</h1>");
    expect(en).toContain('<a href="/en/guide/a/">A</a>');
    const page = readFileSync(`${out}/ja/guide/a/index.html`, "utf8");
    const chips = [...page.matchAll(/class="tag-chip" href="([^"]+)"/g)];
    expect(chips.length).toBe(2);
    for (const [, href] of chips) {
      expect(existsSync(`${out}${decodeURI(href!)}index.html`), href).toBe(true);
    }
  });
});

describe("generated section index pages", () => {
  test("a nav section without an index page gets one: the breadcrumb and sidebar link lead to a page listing its pages", async () => {
    const files = fixtureFiles();
    delete files["content/en/guide/index.md"];
    const out = await buildToDir(writeSite(files));
    const index = readFileSync(`${out}/en/guide/index.html`, "utf8");
    expect(index).toContain("<h1>Guide</h1>");
    expect(index).toContain('<a href="/en/guide/a/">A</a>');
    const page = readFileSync(`${out}/en/guide/a/index.html`, "utf8");
    const start = page.indexOf('class="breadcrumbs"');
    expect(start).toBeGreaterThan(0);
    const crumbs = page.slice(start, page.indexOf("</nav>", start));
    expect(crumbs).toContain('href="/en/guide/"');
  });
});
