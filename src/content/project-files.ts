/**
 * Every file authors put in `content/` and `workflows/`, and what the site does with it.
 * Only Markdown pages are templates; only raster images (content/) and workflow JSON
 * (workflows/) are published, copied from real files inside the project. One listing
 * serves the check (which reports the rest) and the build (which publishes from it).
 */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { isInside } from "../util/project-file.ts";
import { WORKFLOWS_DIR } from "../workflow/workflow-paths.ts";

/** Image types published from content/ as they are. SVG is not one: it can hold script. */
export const CONTENT_IMAGE_TYPES = ["png", "jpg", "jpeg", "gif", "webp", "avif"] as const;
/** Other files published from content/ as they are: the site identity's heading font. */
export const CONTENT_FONT_TYPES = ["woff2"] as const;

/** What the site does with one file. */
export type FileRole =
  | "page"
  | "data"
  | "image"
  | "font"
  | "workflow"
  /** A problem: never built, never published; `rule` and `message` say why. */
  | { severity: "error" | "warning"; rule: string; message: string };

/** One file (or symlink) found under content/ or workflows/. */
export interface ProjectEntry {
  /** Project-relative, forward slashes: how diagnostics name it. */
  file: string;
  /** Absolute path as found (a symlink stays a symlink here). */
  path: string;
  role: FileRole;
}

// Folder-level bookkeeping files, never published and never worth a warning.
const QUIET = new Set([".gitkeep", ".DS_Store", "Thumbs.db"]);
// What Eleventy would import as a data file (global `_data/*.js`, `*.11tydata.js`).
const SCRIPT = /\.(js|cjs|mjs)$/i;
const IMAGE = new RegExp(`\\.(${CONTENT_IMAGE_TYPES.join("|")})$`, "i");
const FONT = new RegExp(`\\.(${CONTENT_FONT_TYPES.join("|")})$`, "i");

const unexpected = (message: string): FileRole => ({ severity: "warning", rule: "files/unexpected-file", message });

function contentRole(rel: string, contentDir: string): FileRole {
  const name = rel.slice(rel.lastIndexOf("/") + 1);
  if (rel.startsWith("_data/")) {
    if (SCRIPT.test(name)) return { severity: "error", rule: "files/data-script", message: "a script in content/_data/ would run during the build; site data is JSON only" };
    return /\.json$/i.test(name) ? "data" : unexpected(`${contentDir}/_data/ holds JSON only; this file is not used`);
  }
  if (/\.md$/i.test(name)) return "page";
  if (SCRIPT.test(name)) return { severity: "error", rule: "files/data-script", message: "a script in content/ (such as *.11tydata.js) would run during the build; content is Markdown and images only" };
  if (/\.svg$/i.test(name)) return { severity: "error", rule: "files/svg", message: "SVG files can run script when opened, so they are not published; use PNG, JPEG, GIF, WebP or AVIF" };
  if (IMAGE.test(name)) return "image";
  if (FONT.test(name)) return "font";
  return unexpected(`not published: ${contentDir}/ holds Markdown pages (.md), images (${CONTENT_IMAGE_TYPES.join(", ")}) and fonts (${CONTENT_FONT_TYPES.join(", ")})`);
}

function workflowRole(rel: string): FileRole {
  return /\.json$/i.test(rel) ? "workflow" : unexpected(`not published: ${WORKFLOWS_DIR}/ publishes ComfyUI workflow files (.json) only`);
}

/** Files below `dir` as project-relative paths; symlinks are reported, never followed into folders. */
function walk(realRoot: string, dir: string, base: string, skip: (rel: string) => boolean, roleOf: (rel: string) => FileRole): ProjectEntry[] {
  const out: ProjectEntry[] = [];
  const visit = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = prefix + entry.name;
      const path = join(folder, entry.name);
      if (skip(rel)) continue;
      if (entry.isDirectory()) visit(path, rel + "/");
      else if (entry.isSymbolicLink()) out.push({ file: `${base}/${rel}`, path, role: linkRole(realRoot, path, rel, roleOf) });
      else if (entry.isFile()) {
        if (!QUIET.has(entry.name)) out.push({ file: `${base}/${rel}`, path, role: roleOf(rel) });
      } else out.push({ file: `${base}/${rel}`, path, role: unexpected("not a regular file; it is not published") });
    }
  };
  if (lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) visit(dir, "");
  return out;
}

function linkRole(realRoot: string, path: string, rel: string, roleOf: (rel: string) => FileRole): FileRole {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { severity: "error", rule: "files/outside-project", message: "a symlink to nothing; replace it with the file itself" };
  }
  if (!isInside(realRoot, real)) {
    return { severity: "error", rule: "files/outside-project", message: "a symlink to a file outside the project; it is never read or published; copy the file in instead" };
  }
  if (!statSync(real).isFile()) return unexpected("a symlink to a folder is not followed; nothing in it is published");
  const role = roleOf(rel);
  // The check reads pages as files; a linked page would be built without being checked.
  if (role === "page") return { severity: "error", rule: "files/symlink", message: "a page must be a file of its own, not a symlink" };
  return role;
}

/**
 * Every file under `content/` (without `_`-prefixed folders and files other than
 * `content/_data`: drafts and notes are neither built nor checked) and `workflows/`,
 * sorted, each with its role.
 */
export function listProjectFiles(root: string, contentDir: string): ProjectEntry[] {
  const realRoot = realpathSync(root);
  const underscore = (rel: string) => rel.split("/").some((part, i) => part.startsWith("_") && !(i === 0 && part === "_data"));
  return [
    ...walk(realRoot, join(root, contentDir), contentDir, underscore, (rel) => contentRole(rel, contentDir)),
    ...walk(realRoot, join(root, WORKFLOWS_DIR), WORKFLOWS_DIR, () => false, workflowRole),
  ];
}

/** The files that are published as they are (content images and fonts, workflow JSON). */
export function publishedFiles(entries: readonly ProjectEntry[]): ProjectEntry[] {
  return entries.filter((e) => e.role === "image" || e.role === "font" || e.role === "workflow");
}

/** Rules whose files must never reach Eleventy, even under `--serve`: they read outside the project or run code. */
export const NEVER_BUILD_RULES: ReadonlySet<string> = new Set(["files/outside-project", "files/data-script", "files/symlink"]);

/** A diagnostic for each file with a problem, at the file's start. */
export function projectFileDiagnostics(entries: readonly ProjectEntry[]): Diagnostic[] {
  return entries.flatMap(({ file, role }) =>
    typeof role === "string" ? [] : [{ file, line: 1, column: 1, severity: role.severity, rule: role.rule, message: role.message }],
  );
}
