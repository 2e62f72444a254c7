/**
 * Files in content/ and workflows/ that are not what the site builds or publishes: scripts
 * Eleventy would run, SVGs, symlinks out of the project, and any other file type
 * (src/content/project-files.ts decides; this rule reports).
 */
import { projectFileDiagnostics } from "../../content/project-files.ts";
import type { Rule } from "../rule.ts";

/** One finding per file the site refuses or ignores, at the file's start. */
export const projectFilesRule: Rule = (model) => projectFileDiagnostics(model.files);
