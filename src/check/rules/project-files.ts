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

/**
 * One error when git tracks files under the project's `.cache/` (one mistake, however
 * many files), at the first of them.
 */
function committedCacheDiagnostics(root: string): Diagnostic[] {
  const files = committedFiles(projectCacheDir(root)).map((path) => relative(root, path).split(sep).join("/")).sort();
  if (files.length === 0) return [];
  const more = files.length > 1 ? ` and ${files.length - 1} more file${files.length > 2 ? "s" : ""} under .cache/ are` : " is";
  return [
    {
      file: files[0]!,
      line: 1,
      column: 1,
      severity: "error",
      rule: "files/committed-cache",
      message: `this build result${more} tracked by git (committed or staged), so the build reads nothing from .cache/ (a result from the repository could put anything on a page); take the folder out of git: git rm -r --cached .cache`,
    },
  ];
}

/** One finding per file the site refuses or ignores, at the file's start. */
export const projectFilesRule: Rule = (model) => [...projectFileDiagnostics(model.files), ...committedCacheDiagnostics(model.root)];
