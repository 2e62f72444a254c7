/**
 * A page's identity, read from where its file sits: `<lang>/<section>/<slug>.md`,
 * `<lang>/<slug>.md`. One model for the build, the nav and the check, with one URL rule.
 */
import { normalisePath } from "../util/url-path.ts";

/** Guide page, section index, home, about, or any other Markdown file of a language folder. */
export type PageKind = "guide" | "section" | "home" | "about" | "other";

/** Who a page is: its language, section folder ("" above sections), file name and kind. */
export interface PageIdentity {
  lang: string;
  /** The folder below the language folder; "" for home, about and other top-level files. */
  section: string;
  /** The file name without extension; "index" for homes and section indexes. */
  slug: string;
  kind: PageKind;
}

/** The kind a (section, slug) pair names. */
export function kindOf(section: string, slug: string): PageKind {
  if (section) return slug === "index" ? "section" : "guide";
  if (slug === "index") return "home";
  return slug === "about" ? "about" : "other";
}

/**
 * Reads a page's identity from its path relative to the content folder, e.g.
 * `ja/basic-workflows/sd15-lora.md` → (ja, basic-workflows, sd15-lora, guide). Files outside a
 * declared language folder, or deeper than a section, have none.
 */
export function identityOf(relativeToContent: string, languages: readonly string[]): PageIdentity | undefined {
  const parts = normalisePath(relativeToContent).split("/");
  const lang = parts[0]!;
  if (!languages.includes(lang) || parts.length < 2 || parts.length > 3) return undefined;
  const slug = parts.at(-1)!.replace(/\.[^.]+$/, "");
  const section = parts.length === 3 ? parts[1]! : "";
  return { lang, section, slug, kind: kindOf(section, slug) };
}

/** The URL a page of this identity is published at; undefined for "other" files, which have no place. */
export function urlOf(identity: PageIdentity): string | undefined {
  switch (identity.kind) {
    case "home":
      return `/${identity.lang}/`;
    case "about":
      return `/${identity.lang}/about/`;
    case "section":
      return `/${identity.lang}/${identity.section}/`;
    case "guide":
      return `/${identity.lang}/${identity.section}/${identity.slug}/`;
    default:
      return undefined;
  }
}

/** The key translations share: `basic-workflows/sd15-lora`, `about`, `index`. */
export function identityKey(page: { section: string; slug: string }): string {
  return page.section ? `${page.section}/${page.slug}` : page.slug;
}

/** A guide page (as opposed to a home, about, section index or other page). */
export function isGuidePage(identity: PageIdentity): boolean {
  return identity.kind === "guide";
}

/** What nav items call a page: front matter `navId`, else its slug. */
export function navIdOf(identity: PageIdentity, data: Record<string, unknown>): string {
  return typeof data.navId === "string" ? data.navId : identity.slug;
}

/** Where a content file sits: its language folder, the path below it (translations share it), its identity if it has one. */
export interface ContentPlace {
  lang?: string;
  /** The path below the language folder without `.md`: `basic-workflows/sd15-lora`, `index`, `a/b/c`. */
  key?: string;
  identity?: PageIdentity;
}

/** Places `relativeToContent` (forward or back slashes) among the site's languages. */
export function placeOf(relativeToContent: string, languages: readonly string[]): ContentPlace {
  const identity = identityOf(relativeToContent, languages);
  if (identity) return { lang: identity.lang, key: identityKey(identity), identity };
  // Outside the language folders, or deeper than a section.
  const [lang, ...rest] = relativeToContent.split(/[\\/]/);
  return rest.length > 0 && languages.includes(lang!) ? { lang, key: rest.join("/").replace(/\.md$/, "") } : {};
}
