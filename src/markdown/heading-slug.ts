/** Heading ids that work for any script: `LoRAとは？` → `loraとは`. */

/**
 * The id a heading's text becomes: NFKC-normalised (full-width Latin becomes ASCII),
 * lowercased, whitespace runs turned into `-`, and everything but letters, digits and
 * combining marks of any script, `-` and `_` dropped. Japanese stays Japanese, so ids
 * are readable in the address bar and stable as long as the heading text is.
 */
export function headingSlug(text: string): string {
  return text
    .normalize("NFKC")
    // Invisible code points (emoji variation selectors U+FE0F, zero-width joiners, BOMs,
    // bidi marks): a reader cannot see or type them, and U+FE0F is a combining mark the
    // class below would keep, so "⚠️ Note" became an id starting with an invisible U+FE0F.
    // Enclosing marks (the keycap U+20E3 of "1️⃣") only decorate.
    .replace(/[\p{Default_Ignorable_Code_Point}\p{Me}]/gu, "")
    .toLowerCase()
    .trim()
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}\p{M}_-]/gu, "")
    // A combining mark with no letter or digit before it (its base was dropped) shows nothing.
    .replace(/(^|[^\p{L}\p{N}\p{M}])\p{M}+/gu, "$1")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Used when a heading has no letters or digits at all (e.g. only punctuation or emoji). */
export const FALLBACK_SLUG = "section";

/**
 * A slugger for one page: ids it hands out are unique among themselves and against
 * `reserved` (ids the author wrote), by suffixing `-2`, `-3`, … in document order, so
 * the same page always gets the same ids.
 */
export function createSlugger(reserved: Iterable<string> = []): (text: string) => string {
  const used = new Set(reserved);
  return (text) => {
    const base = headingSlug(text) || FALLBACK_SLUG;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
