/** Whether a file under `workflows/` is there and is a ComfyUI workflow, for links to it. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readWorkflow } from "../workflow/read-workflow.ts";

/**
 * What is wrong with the file a `/workflows/…` link names, or undefined when nothing is.
 * `.json` files are read by the workflow reader (src/workflow/read-workflow.ts: JSON,
 * format, schema, wiring); other files (preview SVGs) must exist.
 */
export function workflowFileProblem(root: string, path: string): string | undefined {
  const absolute = join(root, path);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return `${path} does not exist`;
  if (!path.endsWith(".json")) return undefined;
  const result = readWorkflow(readFileSync(absolute, "utf8"));
  return result.ok ? undefined : `${path} ${result.problems.map((p) => p.message).join("; ")}`;
}
