/** What a content file is, read from where it sits: `<lang>/<section>/<slug>.md` and friends. */
import { identityKey, identityOf } from "../nav/page-ref.ts";

/** Guide page, section index, home, about, or any other Markdown file. */
export type PageKind = "guide" | "section" | "home" | "about" | "other";

/** A content file's place in the site, derived from its path alone. */
export interface PagePlace {
  kind: PageKind;
  /** The language folder, when the file sits in one. */
  lang?: string;
  /** The section folder (guide pages and section indexes). */
  section?: string;
  /** The file name without `.md` (guide pages). */
  slug?: string;
  /**
   * Identity across languages: the path below the language folder without `.md`
   * (`basic-workflows/sd15-lora`, `index`, `about`). Translations share it.
   */
  key?: string;
}

/**
 * Classifies `relativeToContent` (forward or back slashes) given the site's languages,
 * on top of the identity navigation reads from the same path (src/nav/page-ref.ts).
 */
export function placeOf(relativeToContent: string, languages: readonly string[]): PagePlace {
  const identity = identityOf(relativeToContent, languages);
  if (!identity) {
    // Outside the language folders, or deeper than a section.
    const [lang, ...rest] = relativeToContent.split(/[\\/]/);
    return rest.length > 0 && languages.includes(lang!) ? { kind: "other", lang, key: rest.join("/").replace(/\.md$/, "") } : { kind: "other" };
  }
  const { lang, section, slug } = identity;
  const key = identityKey(identity);
  if (section) return slug === "index" ? { kind: "section", lang, section, key } : { kind: "guide", lang, section, slug, key };
  if (slug === "index") return { kind: "home", lang, key };
  return slug === "about" ? { kind: "about", lang, key } : { kind: "other", lang, key };
}

/** The URL a page must be published at, from its place; undefined for other files. */
export function expectedUrl(place: PagePlace): string | undefined {
  switch (place.kind) {
    case "home":
      return `/${place.lang}/`;
    case "about":
      return `/${place.lang}/about/`;
    case "section":
      return `/${place.lang}/${place.section}/`;
    case "guide":
      return `/${place.lang}/${place.section}/${place.slug}/`;
    default:
      return undefined;
  }
}
