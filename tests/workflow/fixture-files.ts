/** Fixture workflows under tests/workflow/fixtures/workflows/, read the way the site reads them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readWorkflow } from "../../src/workflow/read-workflow.ts";
import type { Workflow } from "../../src/workflow/workflow-graph.ts";

/** A project root holding only `workflows/`, for tests that resolve `/workflows/…` links. */
export const fixturesRoot = fileURLToPath(new URL("fixtures/", import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(join(fixturesRoot, "workflows", name), "utf8");
}

/** A fixture that must be a valid workflow. */
export function readFixture(name: string): Workflow {
  const result = readWorkflow(fixtureText(name));
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.workflow;
}
