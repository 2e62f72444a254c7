/**
 * A third locale is a data change plus a strings file: this test adds French the way an
 * author would — one entry in the locale list (src/i18n/locales.ts, replaced here with
 * vi.mock so the project's own list stays as it is) and a strings file
 * (fixtures/fr.ts) — and builds a fixture site with content/fr/ and nav/fr.json.
 * No module or template is told about French.
 */
import { describe, expect, test, vi } from "vitest";
import { buildToJson, type BuiltPage } from "../helpers/eleventy.ts";
import { fixtureFiles, fixtureNav, page, writeSite } from "../helpers/fixture-site.ts";

vi.mock("../../src/i18n/locales.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/i18n/locales.ts")>();
  const { default: fr } = await import("./fixtures/fr.ts");
  return { ...actual, LOCALES: [...actual.LOCALES, { code: "fr", label: "Français", htmlLang: "fr", ogLocale: "fr_FR", strings: fr }] };
});

const byUrl = (pages: BuiltPage[], url: string) => pages.find((p) => p.url === url)?.content ?? "";

describe("a fixture site with a third locale", async () => {
  const root = writeSite({
    ...fixtureFiles(),
    "content/_data/nav/fr.json": JSON.stringify({ sections: [{ ...fixtureNav.en.sections[0]!, label: "Guide (fr)" }] }),
    "content/fr/index.md": page({ layout: "home.njk", lang: "fr", title: "Accueil", summary: "Résumé", permalink: "/fr/" }, "Bienvenue\n"),
    "content/fr/guide/index.md": page({ layout: "section.njk", lang: "fr", section: "guide", title: "Guide", summary: "Tous les guides", permalink: "/fr/guide/" }),
    "content/fr/guide/a.md": page(
      { layout: "page.njk", lang: "fr", slug: "a", title: "A (fr)", summary: "Résumé A", permalink: "/fr/guide/a/" },
      "## Premiers pas\n\nTexte\n",
    ),
  });
  const pages = await buildToJson(root);
  const fr = byUrl(pages, "/fr/guide/a/");

  test("French pages render in French with the French site title and strings", () => {
    expect(fr).toMatch(/<html lang="fr">/);
    expect(fr).toContain("<title>A (fr) | Guide ComfyUI</title>");
    expect(fr).toContain('<meta property="og:locale" content="fr_FR">');
    expect(fr).toContain('aria-label="Lien vers « Premiers pas »"');
    expect(fr).toContain(">Sur cette page</summary>");
    expect(fr).toContain('<a class="nav-section-title" href="/fr/guide/">Guide (fr)</a>');
  });

  test("every page's switcher and hreflang include the third language", () => {
    const ja = byUrl(pages, "/ja/guide/a/");
    expect(ja).toMatch(/<a href="\/fr\/guide\/a\/" hreflang="fr" lang="fr" data-lang-choice="fr">.*<span class="lang-name">Français<\/span><\/a>/);
    expect(ja).toContain('<link rel="alternate" hreflang="fr" href="https://fixture.example/fr/guide/a/">');
    expect(fr).toContain('<link rel="alternate" hreflang="x-default" href="https://fixture.example/ja/guide/a/">');
    expect(byUrl(pages, "/ja/guide/d/")).toMatch(/href="\/fr\/guide\/"[^>]*class="is-untranslated">.*<span class="lang-name">Français<\/span> <span class="lang-note">\(pas encore traduit\)<\/span>/);
  });

  test("untranslated French nav entries get placeholders, and the generated pages cover French", () => {
    expect(byUrl(pages, "/fr/guide/b/")).toContain("Cette page n’est pas encore traduite en français. Voici sa version 日本語.");
    expect(byUrl(pages, "/fr/404.html")).toContain("Page introuvable");
    expect(byUrl(pages, "/")).toMatch(/<a href="\/fr\/" hreflang="fr" data-lang-choice="fr">/);
    expect(byUrl(pages, "/404.html")).toContain("Page introuvable");
  });

  test("the sitemap lists French alternates", () => {
    const sitemap = byUrl(pages, "/sitemap.xml");
    expect(sitemap).toContain("<loc>https://fixture.example/fr/guide/a/</loc>");
    expect(sitemap).toContain('<xhtml:link rel="alternate" hreflang="fr" href="https://fixture.example/fr/guide/a/"/>');
    expect(sitemap).not.toContain("/fr/guide/b/");
  });
});
