/** Whether a file under `workflows/` is there and is a ComfyUI workflow, for links to it. */
import { isError } from "../workflow/read-workflow.ts";
import { parseWorkflowHref, workflowPath } from "../workflow/workflow-paths.ts";
import type { WorkflowStore } from "../workflow/workflow-store.ts";

/**
 * What is wrong with the file a `/workflows/…` link names, or undefined when nothing is.
 * The link is read as the workflow blocks read it (workflow-paths.ts: decoded per segment,
 * kept inside workflows/), and the file goes through the build's workflow store (parsed
 * once, shared with the blocks, never read outside the project). Only `.json` files are
 * published there.
 */
export function workflowFileProblem(root: string, target: { path: string; href: string }, store: WorkflowStore): string | undefined {
  const ref = parseWorkflowHref(target.href);
  if (ref === null) return `${target.path} is not published: only workflow files (.json) are published under /workflows/`;
  if (typeof ref === "string") return ref;
  const result = store.load(workflowPath(root, ref), root);
  // Warnings (stale links, metadata) are the linked block's or the file's to report, not the link's.
  return result.ok ? undefined : `${target.path} ${result.problems.filter(isError).map((p) => p.message).join("; ")}`;
}
