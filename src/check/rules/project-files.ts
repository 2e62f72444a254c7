/**
 * Files in content/ and workflows/ that are not what the site builds or publishes: scripts
 * Eleventy would run, SVGs, symlinks out of the project, and any other file type
 * (src/content/project-files.ts decides; this rule reports). And build results committed
 * to git under `.cache/`, which the build never reads (src/util/disk-cache.ts).
 */
import { relative, sep } from "node:path";
import type { Diagnostic } from "../../diagnostics.ts";
import { projectFileDiagnostics } from "../../content/project-files.ts";
import { committedFiles, projectCacheDir } from "../../util/disk-cache.ts";
import type { Rule } from "../rule.ts";

/** One error per file git tracks under the project's `.cache/`. */
function committedCacheDiagnostics(root: string): Diagnostic[] {
  return committedFiles(projectCacheDir(root)).map((path) => ({
    file: relative(root, path).split(sep).join("/"),
    line: 1,
    column: 1,
    severity: "error",
    rule: "files/committed-cache",
    message: "this build result is committed to git, so the build reads nothing from .cache/ (a committed result could put anything on a page); remove the folder from git: git rm -r --cached .cache",
  }));
}

/** One finding per file the site refuses or ignores, at the file's start. */
export const projectFilesRule: Rule = (model) => [...projectFileDiagnostics(model.files), ...committedCacheDiagnostics(model.root)];
