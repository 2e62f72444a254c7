/**
 * Tags: front matter `tags` shown as chips, and the pages of each tag per language (for
 * the tag index pages). Pure: built from plain page records, testable without Eleventy.
 */
import { headingSlug } from "../markdown/heading-slug.ts";

/** What a tag needs of a page; the caller's own record type passes through. */
export interface TaggedPage {
  lang: string;
  url: string;
  title: string;
  /** Front matter `tags` as written; anything but an array of strings counts as none. */
  tags?: unknown;
}

/** One tag of one language: its label as first written, where its index page lives, its pages. */
export interface TagGroup<P extends TaggedPage = TaggedPage> {
  lang: string;
  label: string;
  slug: string;
  url: string;
  /** In the order the pages were given (nav order, when the caller passes pages in it). */
  pages: P[];
}

/** A chip in an article header. */
export interface TagLink {
  label: string;
  url: string;
}

/**
 * The URL part of a tag: the heading-id rules (any script kept, lowercased, spaces as `-`),
 * so `LoRA` and `lora` are one tag and Japanese tags stay readable in the address bar.
 */
export function tagSlug(tag: string): string {
  return headingSlug(tag) || "tag";
}

/** Where a tag's index page is published in `lang`. */
export function tagUrl(lang: string, tag: string): string {
  return `/${lang}/tags/${tagSlug(tag)}/`;
}

/** A page's tags as strings, trimmed, empty ones dropped. */
export function tagsOf(tags: unknown): string[] {
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string" && t.trim() !== "").map((t) => t.trim()) : [];
}

/** The chips of a page: each tag with its index page's URL, in the order written. */
export function tagLinks(tags: unknown, lang: string): TagLink[] {
  return tagsOf(tags).map((label) => ({ label, url: tagUrl(lang, label) }));
}

/**
 * Every tag of every language with its pages: grouped by (lang, slug), so spellings that
 * differ only in case share a group; groups sorted by language, then label.
 */
export function pagesByTag<P extends TaggedPage>(pages: readonly P[]): TagGroup<P>[] {
  const groups = new Map<string, TagGroup<P>>();
  for (const page of pages) {
    for (const label of tagsOf(page.tags)) {
      const slug = tagSlug(label);
      const key = `${page.lang}\0${slug}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { lang: page.lang, label, slug, url: tagUrl(page.lang, label), pages: [] }));
      if (!group.pages.includes(page)) group.pages.push(page);
    }
  }
  return [...groups.values()].sort((a, b) => a.lang.localeCompare(b.lang) || a.label.localeCompare(b.label));
}
