/**
 * Where workflow files and their previews live: `workflows/<path>.json` in the project is
 * published at `/workflows/<path>.json`, and its preview at `/workflow-previews/<path>.svg`
 * (a folder of its own, so that generated files never mix with the authors' ones).
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isInside } from "../util/project-file.ts";

/** The project folder (and URL prefix) of workflow files. */
export const WORKFLOWS_DIR = "workflows";
/** The output folder (and URL prefix) of generated previews. */
export const PREVIEWS_DIR = "workflow-previews";

/** A link to a workflow file, resolved. */
export interface WorkflowRef {
  /** The URL as written (already percent-encoded by markdown-it). */
  href: string;
  /** Path segments below `workflows/`, decoded. */
  segments: string[];
  /** The file name, decoded: `SD1.5_lora.json`. */
  fileName: string;
  /** Project-relative path for messages: `workflows/a/b.json`. */
  file: string;
  /** URL of the preview SVG. */
  previewHref: string;
}

const WORKFLOW_HREF = /^\/workflows\/(.+\.json)$/i;

/**
 * Recognises `/workflows/….json` links. Returns null for any other URL (those stay ordinary
 * links) and an error string for a workflow link that could escape the folder.
 */
export function parseWorkflowHref(href: string): WorkflowRef | string | null {
  const match = WORKFLOW_HREF.exec(href);
  if (!match) return null;
  let segments: string[];
  try {
    // Split first, then decode: `..%2f..%2fx.json` is one segment holding slashes, which
    // no file name can hold, and is refused below rather than read as `../../x.json`.
    segments = match[1]!.split("/").map(decodeURIComponent);
  } catch {
    return `the link ${href} is not a valid URL path`;
  }
  if (segments.some((s) => s === "" || s === "." || s === ".." || /[\\\0]/.test(s))) {
    return `the link ${href} must name a file inside /workflows/ without "..", "." or empty path segments`;
  }
  if (segments.some((s) => s.includes("/"))) return `the link ${href} must name a file inside /workflows/ without encoded slashes (%2F)`;
  if (!isInside(join("/", WORKFLOWS_DIR), join("/", WORKFLOWS_DIR, ...segments))) return `the link ${href} must name a file inside /workflows/`;
  return {
    href,
    segments,
    fileName: segments[segments.length - 1]!,
    file: [WORKFLOWS_DIR, ...segments].join("/"),
    previewHref: `/${PREVIEWS_DIR}/${match[1]!.replace(/\.json$/i, ".svg")}`,
  };
}

/** Absolute path of a workflow file in the project. */
export function workflowPath(root: string, ref: WorkflowRef): string {
  return join(root, WORKFLOWS_DIR, ...ref.segments);
}

/** Output path of a workflow's preview, from the workflow's path relative to `workflows/`. */
export function previewPath(outputDir: string, relativeJsonPath: string): string {
  return join(outputDir, PREVIEWS_DIR, relativeJsonPath.replace(/\.json$/i, ".svg"));
}

/** Every `.json` file under `dir`, as paths relative to it, sorted; none when `dir` does not exist. */
export function listWorkflowFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && /\.json$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}
