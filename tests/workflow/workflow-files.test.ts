/**
 * Every workflow file read on its own by the reader the blocks and the check use
 * (src/workflow/read-workflow.ts). Was tests/workflow/validate-workflows.test.ts: the
 * wrapper it tested (validate-workflows.ts) had no caller outside tests and is gone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics.ts";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import { listWorkflowFiles, WORKFLOWS_DIR } from "../../src/workflow/workflow-paths.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { fixturesRoot } from "./fixture-files.ts";

/** The reader's problems of one file (warnings included), as diagnostics naming `file`. */
function workflowFileDiagnostics(path: string, file: string = path): Diagnostic[] {
  const result = readWorkflow(readFileSync(path, "utf8"));
  return (result.ok ? result.warnings : result.problems).map((p) => ({
    file,
    line: p.line ?? 1,
    column: p.column ?? 1,
    severity: p.severity ?? "error",
    rule: p.rule,
    message: p.message,
  }));
}

/** Every `.json` file under `<root>/workflows/`, named relative to `root`. */
function allWorkflowDiagnostics(root: string): Diagnostic[] {
  const dir = join(root, WORKFLOWS_DIR);
  return listWorkflowFiles(dir).flatMap((rel) => workflowFileDiagnostics(join(dir, rel), `${WORKFLOWS_DIR}/${rel}`));
}

describe("one workflow file", () => {
  test("a valid workflow has no problems", () => {
    expect(workflowFileDiagnostics(join(fixturesRoot, "workflows/ui-basic.json"))).toEqual([]);
  });

  test("problems are diagnostics that point into the JSON file", () => {
    const [d] = workflowFileDiagnostics(join(fixturesRoot, "workflows/invalid.json"), "workflows/invalid.json");
    expect(formatDiagnostic(d!)).toBe('workflows/invalid.json:3:17: error: not valid JSON: trailing comma before "]" (JSON allows no comma after the last item) at line 3, column 17 (workflow/invalid-json)');
  });
});

describe("every workflow file of a root", () => {
  test("reports every broken fixture and nothing else, named relative to the root", () => {
    // Warnings (paste, metadata, stale links) are asserted in metadata-check.test.ts.
    const errors = allWorkflowDiagnostics(fixturesRoot).filter((d) => d.severity === "error");
    const files = [...new Set(errors.map((d) => `${d.file} ${d.rule}`))];
    expect(files).toEqual([
      "workflows/bad-schema.json workflow/not-a-workflow",
      "workflows/broken-link.json workflow/broken-link",
      "workflows/invalid.json workflow/invalid-json",
      "workflows/not-a-workflow.json workflow/not-a-workflow",
    ]);
  });

  test("every workflow the project publishes is valid", () => {
    expect(allWorkflowDiagnostics(projectRoot).map(formatDiagnostic)).toEqual([]);
  });
});
