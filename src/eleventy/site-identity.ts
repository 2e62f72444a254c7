/** Binds the site identity (src/site/site-identity.ts) to Eleventy: header brand, `<head>` styles, font file. */
import { readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ContentError, type Diagnostic } from "../diagnostics.ts";
import { t } from "../i18n/t.ts";
import { langOrDefault } from "../i18n/locale.ts";
import { localImagePath, readLocalImageSize } from "../media/local-image-size.ts";
import { projectFile, readHead } from "../util/project-file.ts";
import { defaultSiteConfig, readSiteConfig, SITE_CONFIG_FILE } from "../site/site-config.ts";
import { brandFor, HEADING_FONT_MAX_BYTES, identityHead, type IdentityConfig } from "../site/site-identity.ts";
import { parseJson } from "../util/json-positions.ts";
import type { EleventyConfig } from "./types.ts";

/** The identity with what its files say: the logo's pixel size. */
interface ResolvedIdentity {
  identity: IdentityConfig;
  logoSize?: { width: number; height: number };
}

/** Reads site.json's identity and checks its files; every problem at once, at its line. */
export function resolveIdentity(root: string, contentDir: string): ResolvedIdentity {
  const { identity } = readSiteConfig(root, contentDir);
  const file = [contentDir, SITE_CONFIG_FILE].filter(Boolean).join("/");
  const problems: Array<[key: string, message: string]> = [];
  let logoSize: ResolvedIdentity["logoSize"];
  if (identity.logo) {
    const path = localImagePath(identity.logo.src, root, undefined)!;
    const size = readLocalImageSize(path, root);
    if ("error" in size) problems.push(["identity/logo/src", `logo ${identity.logo.src}: ${size.error} (looked for ${relative(root, path)})`]);
    else logoSize = size;
  }
  const font = identity.headingFont;
  if (font) {
    const path = localImagePath(font.src, root, undefined)!;
    // Only a regular file inside the project is opened (never a FIFO, a device or a link out).
    const checked = projectFile(root, path, Number.MAX_SAFE_INTEGER);
    const bytes = "error" in checked ? undefined : readHead(checked.realPath, 4);
    if (!bytes) problems.push(["identity/headingFont/src", `heading font ${font.src}: ${"error" in checked ? checked.error : "file not found"} (looked for ${relative(root, path)})`]);
    else if (bytes.toString("latin1") !== "wOF2") problems.push(["identity/headingFont/src", `heading font ${font.src} is not a WOFF2 file`]);
    else if (statSync(path).size > HEADING_FONT_MAX_BYTES) {
      const kb = (n: number) => `${Math.round(n / 1024)} KB`;
      problems.push(["identity/headingFont/src", `heading font ${font.src} is ${kb(statSync(path).size)}, over the ${kb(HEADING_FONT_MAX_BYTES)} budget: subset it to the characters of your headings`]);
    }
  }
  if (problems.length) {
    // readSiteConfig accepted the file, so it parses; each problem sits at its key.
    const parsed = parseJson(readFileSync(join(root, file), "utf8"));
    const at = (key: string) => (parsed.ok ? parsed.document.positionOf(key.split("/")) : { line: 1, column: 1 });
    const diagnostics: Diagnostic[] = problems.map(([key, message]) => ({
      file, ...at(key), severity: "error", rule: "site/identity", message,
    }));
    throw new ContentError(diagnostics);
  }
  return { identity, logoSize };
}

/** Options: the site root and content folder, where site.json and the identity's files are. */
export interface SiteIdentityOptions {
  root: string;
  contentDir: string;
}

export default function siteIdentityPlugin(eleventyConfig: EleventyConfig, options: SiteIdentityOptions): void {
  // At configuration time a bad file is not thrown (see initialSite in publishing.ts): the
  // defaults stand in until eleventy.before reads it again.
  let resolved: ResolvedIdentity = { identity: defaultSiteConfig().identity };
  try {
    resolved = resolveIdentity(options.root, options.contentDir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
  }
  // Re-read on every build so `--serve` picks up edits; a bad file stops a production build.
  eleventyConfig.on("eleventy.before", () => {
    resolved = resolveIdentity(options.root, options.contentDir);
  });
  // Font files are published from the content folder like its images (src/eleventy/project-files.ts).

  // `{% set brand = lang | siteBrand(lang | siteTitle) %}`: the header's text and logo; the
  // title is site.json's (src/eleventy/site-pages.ts), else the UI string.
  eleventyConfig.addFilter("siteBrand", (lang: unknown, title?: unknown) => {
    const code = langOrDefault(lang);
    return brandFor(resolved.identity, code, typeof title === "string" && title ? title : t(code, "site.title"), resolved.logoSize);
  });
  // `{{ "" | identityHead | safe }}`: accent and heading-font rules, empty by default.
  // A url() inside <style> is not rewritten by the HTML base plugin: it takes the path prefix here.
  const url = (path: string) => (eleventyConfig.getFilter as (name: string) => (path: string) => string)("url")(path);
  eleventyConfig.addFilter("identityHead", () => identityHead(resolved.identity, url));
}
