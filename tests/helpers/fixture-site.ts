/** A small bilingual fixture site on disk, for the language and navigation tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Writes `files` (path → text) under a fresh temporary root and returns the root. */
export function writeSite(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "site-fixture-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A content file with front matter. */
export function page(front: Record<string, string>, body = ""): string {
  const yaml = Object.entries(front).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `---\n${yaml.join("\n")}\n---\n${body}`;
}

const guide = (lang: string, slug: string, title: string, body: string) =>
  page({ layout: "page.njk", lang, slug, title, summary: `${title} summary`, permalink: `/${lang}/guide/${slug}/` }, body);

/** Nav files of the fixture: ja lists a, b, a group with c; en lists a, b, c (b is untranslated). */
export const fixtureNav = {
  ja: { sections: [{ id: "guide", label: "ガイド", items: [{ id: "a" }, { id: "b" }, { group: "詳しく", items: [{ id: "c" }] }] }] },
  en: { sections: [{ id: "guide", label: "Guide", items: [{ id: "a" }, { id: "b" }, { id: "c" }] }] },
};

/**
 * ja: home, about, section index, a, b, c, d (d is in no nav: an orphan warning).
 * en: home, section index, a, c. So en/b is a placeholder and ja/d has no counterpart.
 */
export function fixtureFiles(): Record<string, string> {
  return {
    "content/_data/site.json": JSON.stringify({ url: "https://fixture.example/", ogImage: "/assets/share.png" }),
    "content/_data/nav/ja.json": JSON.stringify(fixtureNav.ja, null, 2),
    "content/_data/nav/en.json": JSON.stringify(fixtureNav.en, null, 2),
    "content/ja/index.md": page({ layout: "home.njk", lang: "ja", title: "ホーム", summary: "ホームの概要", permalink: "/ja/" }, "ようこそ\n"),
    "content/en/index.md": page({ layout: "home.njk", lang: "en", title: "Home", summary: "Home summary", permalink: "/en/" }, "Welcome\n"),
    "content/ja/about.md": page({ layout: "page.njk", lang: "ja", slug: "about", title: "このサイトについて", summary: "概要", permalink: "/ja/about/" }, "About\n"),
    "content/ja/guide/index.md": page({ layout: "section.njk", lang: "ja", section: "guide", title: "ガイド", summary: "ガイドの一覧", permalink: "/ja/guide/" }),
    "content/en/guide/index.md": page({ layout: "section.njk", lang: "en", section: "guide", title: "Guide", summary: "All guides", permalink: "/en/guide/" }),
    "content/ja/guide/a.md": guide("ja", "a", "エー", "## はじめに\n\n本文\n\n### 設定（詳細）\n\n## はじめに\n\n#### 小見出し\n"),
    "content/ja/guide/b.md": guide("ja", "b", "ビー", "## ビーの手順\n\nビーの本文です。\n"),
    "content/ja/guide/c.md": guide("ja", "c", "シー", "シーの本文\n"),
    "content/ja/guide/d.md": guide("ja", "d", "ディー", "ディーの本文\n"),
    "content/en/guide/a.md": guide("en", "a", "A", "## Getting started\n\nText\n"),
    "content/en/guide/c.md": guide("en", "c", "C", "Text of C\n"),
  };
}
