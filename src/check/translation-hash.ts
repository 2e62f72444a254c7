/**
 * Outdated translations are found with a hash of the source page recorded in the
 * translation's front matter (`translationOf: { lang, hash }`), not with git history:
 * CI checks out a shallow clone (actions/checkout fetches one commit) and a tarball has
 * no history at all, while a hash works anywhere. README "Checking content" explains it.
 */
import { createHash } from "node:crypto";
import { z } from "zod";

/** How many hex digits of the SHA-256 are kept: enough to notice any edit, short to read. */
export const HASH_LENGTH = 12;

/** The `translationOf` front matter of a translated page. */
export const translationOfSchema = z.strictObject({
  /** The language of the source page; the site's default language when absent. */
  lang: z.string().min(1).optional(),
  hash: z.string().regex(new RegExp(`^[0-9a-f]{${HASH_LENGTH}}$`), `must be ${HASH_LENGTH} lowercase hex digits`),
});

/** A parsed `translationOf`. */
export type TranslationOf = z.infer<typeof translationOfSchema>;

/**
 * Hash of what a translator translates: the source's title, summary and body. Line
 * endings are normalised and trailing blank lines ignored, so saving the file on
 * another OS does not mark every translation outdated.
 */
export function sourceHash(data: Record<string, unknown>, body: string): string {
  const text = [data.title ?? "", data.summary ?? "", body.replace(/\r\n?/g, "\n").trimEnd()].map(String).join("\n");
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, HASH_LENGTH);
}
