import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.ts";
import { validateWorkflowFile, validateWorkflows } from "../../src/workflow/validate-workflows.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { fixturesRoot } from "./fixture-files.ts";

describe("validateWorkflowFile", () => {
  test("a valid workflow has no problems", () => {
    expect(validateWorkflowFile(join(fixturesRoot, "workflows/ui-basic.json"))).toEqual([]);
  });

  test("problems are diagnostics that point into the JSON file", () => {
    const [d] = validateWorkflowFile(join(fixturesRoot, "workflows/invalid.json"), "workflows/invalid.json");
    expect(formatDiagnostic(d!)).toBe('workflows/invalid.json:3:17: error: not valid JSON: trailing comma before "]" (JSON allows no comma after the last item) at line 3, column 17 (workflow/invalid-json)');
  });

  test("a missing file", () => {
    expect(validateWorkflowFile("/no/such/file.json").map((d) => d.rule)).toEqual(["workflow/missing-file"]);
  });
});

describe("validateWorkflows", () => {
  test("reports every broken fixture and nothing else, named relative to the root", () => {
    // Warnings (paste, metadata, stale links) are asserted in metadata-check.test.ts.
    const errors = validateWorkflows(fixturesRoot).filter((d) => d.severity === "error");
    const files = [...new Set(errors.map((d) => `${d.file} ${d.rule}`))];
    expect(files).toEqual([
      "workflows/bad-schema.json workflow/not-a-workflow",
      "workflows/broken-link.json workflow/broken-link",
      "workflows/invalid.json workflow/invalid-json",
      "workflows/not-a-workflow.json workflow/not-a-workflow",
    ]);
  });

  test("every workflow the project publishes is valid", () => {
    expect(validateWorkflows(projectRoot).map(formatDiagnostic)).toEqual([]);
  });
});
