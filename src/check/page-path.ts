/** What a content file is, read from where it sits: `<lang>/<section>/<slug>.md` and friends. */

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

/** Classifies `relativeToContent` (forward or back slashes) given the site's languages. */
export function placeOf(relativeToContent: string, languages: ReadonlySet<string>): PagePlace {
  const parts = relativeToContent.split(/[\\/]/);
  const lang = parts[0]!;
  if (parts.length < 2 || !languages.has(lang)) return { kind: "other" };
  const key = parts.slice(1).join("/").replace(/\.md$/, "");
  const name = parts.at(-1)!.replace(/\.md$/, "");
  if (parts.length === 2 && name === "index") return { kind: "home", lang, key };
  if (parts.length === 2 && name === "about") return { kind: "about", lang, key };
  if (parts.length === 3 && name === "index") return { kind: "section", lang, section: parts[1]!, key };
  if (parts.length === 3) return { kind: "guide", lang, section: parts[1]!, slug: name, key };
  return { kind: "other", lang, key };
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
