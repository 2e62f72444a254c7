/**
 * What Eleventy may read and publish from the authors' folders: Markdown pages are the
 * only templates, no data file runs code, and published files are hard links to (or
 * copies of) real files inside the project (src/content/project-files.ts), never symlinks and never SVG.
 */
import { realpathSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { syncPublished } from "../build/published-files.ts";
import { afterPagefindStarts } from "./search-index.ts";
import { ContentError } from "../diagnostics.ts";
import { CONTENT_FONT_TYPES, CONTENT_IMAGE_TYPES, listProjectFiles, NEVER_BUILD_RULES, projectFileDiagnostics, publishedFiles, type ProjectEntry } from "../content/project-files.ts";
import { WORKFLOWS_DIR } from "../workflow/workflow-paths.ts";
import type { BuildEvent, EleventyConfig } from "./types.ts";

/**
 * The only template formats: `.html`, `.liquid`, `.11ty.js`… in content/ are not
 * templates. `njk` is one only for the generated virtual templates (site-pages.ts); no
 * author file is (the plugin ignores them). Eleventy reads the formats before it runs
 * plugins, so the config sets them itself (`setTemplateFormats` in a plugin is ignored).
 */
export const TEMPLATE_FORMATS = ["md", "njk"];

/** Where the authors' folders are. */
export interface ProjectFilesOptions {
  root: string;
  contentDir: string;
}

/**
 * Where each published file goes in `output` (target → its real file, read through the
 * symlinks the listing has already judged).
 */
export function publishedTargets(entries: readonly ProjectEntry[], contentDir: string, output: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of publishedFiles(entries)) {
    const rel = entry.file.startsWith(`${WORKFLOWS_DIR}/`) ? entry.file : entry.file.slice(contentDir.length + 1);
    files.set(join(output, rel), realpathSync(entry.path));
  }
  return files;
}

/**
 * At the end of every build that writes files, publishes `files(output)` (target →
 * source) into the output folder as hard links (src/build/published-files.ts). What an
 * earlier build published into the same folder and `files` no longer names (deleted,
 * moved, refused) is removed, so a dev server's folder holds no stale file.
 */
export function publishAfterEachBuild(eleventyConfig: EleventyConfig, files: (output: string) => ReadonlyMap<string, string>): void {
  const published = new Map<string, Set<string>>();
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: BuildEvent) => {
    if (outputMode !== "fs") return;
    // No HTML is published here, so Pagefind, which reads only the pages, may start first.
    await afterPagefindStarts();
    const output = resolve(directories.output);
    let before = published.get(output);
    if (!before) published.set(output, (before = new Set()));
    syncPublished(files(output), before);
  });
}

/** Restricts Eleventy to Markdown templates and JSON data, and publishes images and workflows. */
export default function projectFilesPlugin(eleventyConfig: EleventyConfig, options: ProjectFilesOptions): void {
  const { root, contentDir } = options;
  const input = relative(process.cwd(), join(root, contentDir)) || ".";
  eleventyConfig.ignores.add(`${input}/**/*.njk`);
  // Drafts and notes in `_` folders or files are neither built nor checked.
  eleventyConfig.ignores.add(`${input}/**/_*/**/*.md`);
  eleventyConfig.ignores.add(`${input}/**/_*.md`);
  // No template or folder data files (`*.11tydata.js` would run code; JSON ones are unused).
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.addWatchTarget(`${input}/**/*.{${[...CONTENT_IMAGE_TYPES, ...CONTENT_FONT_TYPES].join(",")}}`);

  let entries: ProjectEntry[] = [];
  eleventyConfig.on("eleventy.before", () => {
    entries = listProjectFiles(root, contentDir);
    // Global `_data/*.js` is imported while templates are read: stop first, in every run
    // mode (the dev server too), when a file would run code or read outside the project.
    const never = projectFileDiagnostics(entries).filter((d) => NEVER_BUILD_RULES.has(d.rule));
    if (never.length > 0) throw new ContentError(never);
  });
  publishAfterEachBuild(eleventyConfig, (output) => publishedTargets(entries, contentDir, output));
}
