/**
 * Workflow files checked on their own, linked or not, for `npm run check`: the same
 * reader the blocks use, reported as diagnostics that point into the JSON file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { normalisePath } from "../markdown/types.ts";
import { readWorkflow } from "./read-workflow.ts";
import { listWorkflowFiles, WORKFLOWS_DIR } from "./workflow-paths.ts";

/**
 * Problems of one workflow file, warnings included. `file` is the
 * name diagnostics use, by default `path` itself.
 */
export function validateWorkflowFile(path: string, file: string = path): Diagnostic[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [{ file: normalisePath(file), line: 1, column: 1, severity: "error", rule: "workflow/missing-file", message: "file not found" }];
  }
  const result = readWorkflow(text);
  return (result.ok ? result.warnings : result.problems).map((p) => ({
    file: normalisePath(file),
    line: p.line ?? 1,
    column: p.column ?? 1,
    severity: p.severity ?? "error",
    rule: p.rule,
    message: p.message,
  }));
}

/** Problems of every `.json` file under `<root>/workflows/`, named relative to `root`. */
export function validateWorkflows(root: string): Diagnostic[] {
  const dir = join(root, WORKFLOWS_DIR);
  return listWorkflowFiles(dir).flatMap((rel) => validateWorkflowFile(join(dir, rel), `${WORKFLOWS_DIR}/${rel}`));
}
