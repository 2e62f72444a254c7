/**
 * When `npm start` may rebuild only the saved page (src/cli/dev-rebuild-plan.ts): only for
 * content pages, and the full site follows whenever something other pages show changed.
 */
import { describe, expect, test } from "vitest";
import type { SiteModel, SitePage } from "../../src/check/site-model.ts";
import { FrontMatterLedger, frontMatterOf, onlyContentPages, outwardStamp, patchedPage, retitledLinks, retitledPage, titleChange, type BodyView } from "../../src/cli/dev-rebuild-plan.ts";
import type { Diagnostic } from "../../src/diagnostics.ts";

const page = (lang: string, key: string, title: string, body: string): SitePage =>
  ({
    lang, key, file: `content/${lang}/${key}.md`, url: `/${lang}/${key}/`,
    bytes: Buffer.from(`---\ntitle: ${title}\n---\n${body}`), data: { title, lang }, ids: new Set(["intro"]),
  }) as unknown as SitePage;

const model = (pages: SitePage[]): SiteModel => ({ languages: ["ja", "en"], pages }) as unknown as SiteModel;
const warning: Diagnostic = { file: "content/en/a.md", line: 3, column: 1, severity: "warning", rule: "x/y", message: "m" } as Diagnostic;

describe("onlyContentPages", () => {
  const content = "/site/content";
  test("content Markdown pages only, wherever the working directory is", () => {
    expect(onlyContentPages(["./content/en/a.md"], content, "/site")).toBe(true);
    expect(onlyContentPages(["./site/content/en/a.md", "./site/content/ja/a.md"], content, "/")).toBe(true);
  });
  test("data, nav, workflows, images and layouts rebuild the site", () => {
    for (const file of ["./content/_data/nav/en.json", "./content/_data/extra.md", "./content/en/a.png", "./workflows/a.json", "./_includes/page.njk", "../elsewhere/a.md"]) {
      expect(onlyContentPages([file], content, "/site"), file).toBe(false);
    }
    expect(onlyContentPages(["./content/en/a.md", "./content/_data/site.json"], content, "/site")).toBe(false);
    expect(onlyContentPages([], content, "/site")).toBe(false);
  });
});

describe("outwardStamp", () => {
  const site = (enTitle: string, enBody: string, jaBody = "本文") => model([page("ja", "a", "見出し", jaBody), page("en", "a", enTitle, enBody)]);

  test("is the same when only the body of a page every language has changed", () => {
    expect(outwardStamp(site("A", "one"), [])).toBe(outwardStamp(site("A", "one, then two"), []));
  });

  test("changes with a title (front matter), a heading id, or any finding", () => {
    const before = outwardStamp(site("A", "one"), []);
    expect(outwardStamp(site("B", "one"), [])).not.toBe(before);
    const renamed = site("A", "one");
    (renamed.pages[1] as unknown as { ids: ReadonlySet<string> }).ids = new Set(["other"]);
    expect(outwardStamp(renamed, [])).not.toBe(before);
    expect(outwardStamp(site("A", "one"), [warning])).not.toBe(before);
  });

  test("changes with the body of a page another language lacks: its placeholder shows that body", () => {
    const untranslated = (body: string) => model([page("ja", "a", "見出し", body)]);
    expect(outwardStamp(untranslated("本文"), [])).not.toBe(outwardStamp(untranslated("本文、続き"), []));
  });
});

describe("FrontMatterLedger", () => {
  const root = "/site";
  const file = "/site/content/en/a.md";
  const seeded = () => {
    const ledger = new FrontMatterLedger();
    ledger.seed(model([page("en", "a", "A", "one")]), root);
    return ledger;
  };
  test("a body edit of a page Eleventy has", () => {
    expect(seeded().bodyOnly(file, "---\ntitle: A\n---\none, then two")).toBe(true);
  });
  test("front matter edits, new pages and deleted pages rebuild the site at once", () => {
    const ledger = seeded();
    expect(ledger.bodyOnly(file, "---\ntitle: B\n---\none")).toBe(false);
    expect(ledger.bodyOnly("/site/content/en/new.md", "---\ntitle: N\n---\n")).toBe(false);
    expect(ledger.bodyOnly(file, undefined)).toBe(false);
    expect(new FrontMatterLedger().bodyOnly(file, "---\ntitle: A\n---\none")).toBe(false);
  });
  test("judges against what Eleventy last took in, not what is on disk: a title saved and re-saved is new until recorded", () => {
    const ledger = seeded();
    const renamed = "---\ntitle: B\n---\none";
    expect(ledger.bodyOnly(file, renamed)).toBe(false);
    expect(ledger.bodyOnly(file, renamed)).toBe(false); // asking does not take it in
    ledger.record(file, renamed);
    expect(ledger.bodyOnly(file, `${renamed}, two`)).toBe(true);
    ledger.record(file, undefined);
    expect(ledger.bodyOnly(file, renamed)).toBe(false);
  });
  test("reads the front matter block only", () => {
    expect(frontMatterOf("---\ntitle: A\n---\nbody\n---\nmore")).toBe("title: A");
    expect(frontMatterOf("no front matter")).toBe("");
  });
});

describe("patchedPage", () => {
  const toc = [{ level: 2 as const, id: "setup", text: "Setup" }];
  const before: BodyView = { html: "<p>First.</p>\n<h2 id=\"setup\">Setup</h2>\n", toc, markdown: "First.\n\n## Setup\n" };
  const page = `<html><head><meta name="description" content="First."></head><body><nav>Setup</nav><article>${before.html}</article></body></html>`;
  const after = (change: Partial<BodyView>): BodyView => ({ ...before, ...change });

  test("swaps the previous render of the body for the new one, and nothing else", () => {
    const html = "<p>First.</p>\n<h2 id=\"setup\">Setup</h2>\n<p>More.</p>\n";
    expect(patchedPage(page, before, after({ html, markdown: `${before.markdown}\nMore.\n` }))).toBe(page.replace(before.html, html));
  });

  test.each<[string, Partial<BodyView>]>([
    ["the TOC changed", { toc: [{ level: 2 as const, id: "setup", text: "Set-up" }] }],
    ["the first paragraph (the description) changed", { markdown: "Another first.\n\n## Setup\n" }],
  ])("gives up when %s", (_, change) => expect(patchedPage(page, before, after(change))).toBeUndefined());

  test("gives up when the page does not hold the previous render exactly once", () => {
    expect(patchedPage(page.replace(before.html, "<p>Transformed</p>"), before, after({}))).toBeUndefined();
    expect(patchedPage(page.replace("<nav>Setup</nav>", before.html), before, after({}))).toBeUndefined();
    expect(patchedPage(page, { ...before, html: "" }, after({}))).toBeUndefined();
  });
});

describe("retitledLinks: another page's links to a retitled page", () => {
  const page = [
    `<nav><a href="/en/a/">Old &amp; &quot;quoted&quot;</a><a href="/en/b/">Old &amp; &quot;quoted&quot;</a></nav>`,
    `<a class="prev-next-link" href="/en/a/" rel="prev"><span class="prev-next-dir">Previous</span>`,
    `  <span class="prev-next-title"><span>Old &amp; &quot;quoted&quot;</span></span>\n</a>`,
    `<p>Old &amp; &quot;quoted&quot; is also a phrase in the text.</p>`,
  ].join("\n");

  test("the title in each link to the page changes, as escaped by the layouts; other links and the text do not", () => {
    const result = retitledLinks(page, "/en/a/", 'Old & "quoted"', "New <title> $1");
    expect(result).toBeDefined();
    expect(result).toContain(`<a href="/en/a/">New &lt;title&gt; $1</a>`);
    expect(result).toContain(`<span>New &lt;title&gt; $1</span>`);
    expect(result).toContain(`<a href="/en/b/">Old &amp; &quot;quoted&quot;</a>`);
    expect(result).toContain(`<p>Old &amp; &quot;quoted&quot; is also a phrase in the text.</p>`);
  });

  test("a link labelled otherwise, or a page without a link to it, is left alone", () => {
    expect(retitledLinks(`<a href="/en/a/">Nav label</a>`, "/en/a/", "Old", "New")).toBeUndefined();
    expect(retitledLinks(`<a href="/en/b/">Old</a>`, "/en/a/", "Old", "New")).toBeUndefined();
    // Part of a longer text is not the title.
    expect(retitledLinks(`<a href="/en/a/">Old times</a>`, "/en/a/", "Old", "New")).toBeUndefined();
  });
});

describe("titleChange", () => {
  const before = { data: { title: "Old", summary: "S", tags: ["a"] }, body: "Body.\n" };
  test("only the title changed: both titles", () => {
    expect(titleChange(before, { data: { title: "New", summary: "S", tags: ["a"] }, body: "Body.\n" })).toEqual({ before: "Old", after: "New" });
  });
  test("anything else changed too, or no title: none", () => {
    expect(titleChange(before, { data: { title: "New", summary: "T", tags: ["a"] }, body: "Body.\n" })).toBeUndefined();
    expect(titleChange(before, { data: { title: "New", summary: "S", tags: ["a"] }, body: "Body!\n" })).toBeUndefined();
    expect(titleChange(before, { data: { title: "Old", summary: "S", tags: ["a"] }, body: "Body.\n" })).toBeUndefined();
    expect(titleChange(before, { data: { summary: "S", tags: ["a"] }, body: "Body.\n" })).toBeUndefined();
  });
});

describe("retitledPage: the retitled page itself, until the rebuild writes it", () => {
  test("its heading, window title, meta values and own nav entry take the new title", () => {
    const page = [
      `<title>Old &amp; more | Guide</title><meta property="og:title" content="Old &amp; more"><meta name="description" content="Old &amp; more things">`,
      `<nav><a href="/en/a/" aria-current="page">Old &amp; more</a></nav><h1>Old &amp; more</h1><p>Old &amp; more is a phrase.</p>`,
    ].join("\n");
    const result = retitledPage(page, "Old & more", "New $& <b>");
    expect(result).toContain("<title>New $&amp; &lt;b&gt; | Guide</title>");
    expect(result).toContain(`content="New $&amp; &lt;b&gt;"`);
    expect(result).toContain(`aria-current="page">New $&amp; &lt;b&gt;</a>`);
    expect(result).toContain("<h1>New $&amp; &lt;b&gt;</h1>");
    // Other text and other values stay.
    expect(result).toContain(`content="Old &amp; more things"`);
    expect(result).toContain("<p>Old &amp; more is a phrase.</p>");
    expect(retitledPage("<h1>Another</h1>", "Old", "New")).toBeUndefined();
  });
});
