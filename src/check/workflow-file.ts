/** Whether a file under `workflows/` is there and is a ComfyUI workflow, for links to it. */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { isError } from "../workflow/read-workflow.ts";
import type { WorkflowStore } from "../workflow/workflow-store.ts";

/**
 * What is wrong with the file a `/workflows/…` link names, or undefined when nothing is.
 * `.json` files go through the build's workflow store (parsed once, shared with the
 * workflow blocks); other files (preview SVGs) must exist.
 */
export function workflowFileProblem(root: string, path: string, store: WorkflowStore): string | undefined {
  const absolute = join(root, path);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return `${path} does not exist`;
  if (!path.endsWith(".json")) return undefined;
  const result = store.load(absolute);
  // Warnings (stale links, metadata) are the linked block's or the file's to report, not the link's.
  return result.ok ? undefined : `${path} ${result.problems.filter(isError).map((p) => p.message).join("; ")}`;
}
