/**
 * The site's data files besides the nav (rules/nav.ts): `site.json` and `media.json`, each
 * reported at the place of its mistake. The build reads both too, but a renderer that
 * meets a bad `media.json` treats it as empty, and the plugins start from defaults when
 * `site.json` is bad: this rule is where the mistake is named, once, for check and build.
 */
import { join } from "node:path";
import { ContentError, type Diagnostic } from "../../diagnostics.ts";
import { MEDIA_METADATA_FILE, readMediaMetadata } from "../../media/media-metadata.ts";
import { readSiteConfig } from "../../site/site-config.ts";
import type { Rule } from "../rule.ts";

/** What `rules/data-files.ts` reports. */
export const DATA_FILE_RULES = { site: "site/invalid", media: "media/invalid-metadata" } as const;

function siteSettings(root: string, contentDir: string): Diagnostic[] {
  try {
    readSiteConfig(root, contentDir);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.diagnostics;
    throw error;
  }
}

function mediaMetadata(root: string): Diagnostic[] {
  // The same read the renders size pages from: one parse per version of the file.
  const { error } = readMediaMetadata(join(root, MEDIA_METADATA_FILE));
  if (!error) return [];
  return [{ file: MEDIA_METADATA_FILE, ...error.position, severity: "error", rule: DATA_FILE_RULES.media, message: `media metadata: ${error.detail}` }];
}

export const dataFilesRule: Rule = (model) => [...siteSettings(model.root, model.contentDir), ...mediaMetadata(model.root)];
