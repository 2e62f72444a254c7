/** Every page × language: is it the source, translated, outdated, unstamped or missing? */
import { perPage } from "./rule.ts";
import type { SiteModel, SitePage } from "./site-model.ts";
import { sourceHash, translationOfSchema, type TranslationOf } from "./translation-hash.ts";

/**
 * `source`: the page translations are made from. `stub`: stamped against the current
 * source but with the source's very text (title, summary, body): what `npm run new`
 * scaffolds, nothing translated yet. `translated`: its recorded source hash matches the source. `outdated`: the source changed since. `unstamped`: a translation
 * that records no hash, so nobody can tell. `missing`: no file for this language.
 */
export type TranslationState = "source" | "stub" | "translated" | "outdated" | "unstamped" | "missing";

/** One cell of the status table. */
export interface TranslationCell {
  state: TranslationState;
  page?: SitePage;
  /** The source page a translation is compared with. */
  source?: SitePage;
  /** The parsed `translationOf`, when present and well-formed. */
  translationOf?: TranslationOf;
  /** The source's current hash, for translations. */
  currentHash?: string;
}

/** One row: a page identity (`basic-workflows/sd15-lora`) across the site's languages. */
export interface TranslationRow {
  key: string;
  cells: Map<string, TranslationCell>;
}

const parsedTranslationOf = perPage((page): TranslationOf | undefined => {
  const result = translationOfSchema.safeParse(page.data.translationOf);
  return result.success ? result.data : undefined;
});

/** The language a page is translated from (its own language when it is a source). */
export function sourceLangOf(page: SitePage, defaultLang: string): string {
  return parsedTranslationOf(page)?.lang ?? defaultLang;
}

/** The hash a translation of `page` records (pages with a source only). */
const hashOf = perPage((page) => sourceHash(page.data, page.source!.body));

function cellFor(page: SitePage, byLang: Map<string, SitePage>, defaultLang: string): TranslationCell {
  const translationOf = parsedTranslationOf(page);
  const sourceLang = sourceLangOf(page, defaultLang);
  const source = byLang.get(sourceLang);
  if (page.lang === sourceLang || !source?.source) return { state: "source", page };
  const currentHash = hashOf(source);
  if (!translationOf) return { state: "unstamped", page, source, currentHash };
  const matches = translationOf.hash === currentHash;
  const state = !matches ? "outdated" : hashOf(page) === currentHash ? "stub" : "translated";
  return { state, page, source, translationOf, currentHash };
}

/** The status table, rows sorted by key; only pages in a language folder take part. */
export function translationStatus(model: SiteModel): TranslationRow[] {
  const byKey = new Map<string, Map<string, SitePage>>();
  for (const page of model.pages) {
    if (!page.lang || page.key === undefined) continue;
    if (!byKey.has(page.key)) byKey.set(page.key, new Map());
    byKey.get(page.key)!.set(page.lang, page);
  }
  return [...byKey.keys()].sort().map((key) => {
    const byLang = byKey.get(key)!;
    const cells = new Map<string, TranslationCell>();
    for (const lang of model.languages) {
      const page = byLang.get(lang);
      cells.set(lang, page ? cellFor(page, byLang, model.defaultLang) : { state: "missing" });
    }
    return { key, cells };
  });
}
