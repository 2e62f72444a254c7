/**
 * Reading a workflow file's text: JSON, then which ComfyUI format it is, then its schema,
 * then its wiring. Pure: the caller reads the file (and caches, see workflow-store.ts).
 */
import type { z } from "zod";
import type { Severity } from "../diagnostics.ts";
import { readApiWorkflow } from "./api-format.ts";
import { checkLinks } from "./check-links.ts";
import { checkMetadata } from "./metadata-check.ts";
import { parseJson as parseStrictJson } from "../util/json-positions.ts";
import { readUiWorkflow } from "./ui-format.ts";
import type { Workflow } from "./workflow-graph.ts";
import { apiWorkflow, uiWorkflow } from "./workflow-schema.ts";

/** Rule ids of workflow problems, as they appear in diagnostics. */
export type WorkflowRule =
  | "workflow/missing-file"
  | "workflow/bad-path"
  | "workflow/invalid-json"
  | "workflow/not-a-workflow"
  | "workflow/broken-link"
  | "workflow/stale-link"
  | "workflow/unreadable"
  | "workflow/preview-simplified"
  | "workflow/metadata"
  | "workflow/not-pasteable"
  /** A symlink out of the project (workflow-store.ts never reads it). */
  | "workflow/outside-project"
  /** Larger than the store reads (MAX_WORKFLOW_BYTES). */
  | "workflow/too-large";

/** Something wrong with a workflow file; `line`/`column` point into the JSON where known. */
export interface WorkflowProblem {
  rule: WorkflowRule;
  /** An error unless said otherwise: a warning leaves the workflow usable. */
  severity?: Severity;
  message: string;
  line?: number;
  column?: number;
}

/** A workflow and what lowers its quality, or why it cannot be one (warnings included). */
export type ReadResult = { ok: true; workflow: Workflow; warnings: WorkflowProblem[] } | { ok: false; problems: WorkflowProblem[] };

/** Whether a problem stops the workflow from being shown. */
export const isError = (problem: WorkflowProblem): boolean => problem.severity !== "warning";

/** The one-line reason an unexpected exception gives, for a diagnostic instead of a crash. */
export function unreadable(error: unknown): WorkflowProblem {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { rule: "workflow/unreadable", message: `the file could not be read (${what.slice(0, 200)}); please report it with the file` };
}

const FORMATS_HINT =
  'a workflow is either the UI format (an object with "nodes" and "links", as saved by ComfyUI) ' +
  'or the API format (an object of nodes, each with "class_type" and "inputs")';

function fail(problem: WorkflowProblem): ReadResult {
  return { ok: false, problems: [problem] };
}

/** The file's JSON value, or the syntax error at its line and column. */
function parseJson(raw: string): { value: unknown } | WorkflowProblem {
  const parsed = parseStrictJson(raw.replace(/^\uFEFF/, ""));
  if (parsed.ok) return { value: parsed.document.value };
  const { message, line, column } = parsed.error;
  return { rule: "workflow/invalid-json", message: `not valid JSON: ${message} at line ${line}, column ${column}`, line, column };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function looksLikeApi(value: Record<string, unknown>): boolean {
  const nodes = Object.values(value);
  return nodes.length > 0 && nodes.every((n) => isRecord(n) && "class_type" in n);
}

/** `nodes[3].pos: must be [x, y]` for the first few schema issues. */
function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return issues.join("; ") + more;
}

function notAWorkflow(found: string): ReadResult {
  return fail({ rule: "workflow/not-a-workflow", message: `not a ComfyUI workflow: ${found}; ${FORMATS_HINT}` });
}

/**
 * Reads workflow JSON text of either format into the graph model, or says what is wrong.
 * Never throws: an unexpected failure on a strange file is a problem of that file.
 */
export function readWorkflow(text: string): ReadResult {
  try {
    return readUnguarded(text);
  } catch (error) {
    return fail(unreadable(error));
  }
}

function readUnguarded(text: string): ReadResult {
  const parsed = parseJson(text);
  if ("rule" in parsed) return fail(parsed);
  const value = parsed.value;
  if (!isRecord(value)) return notAWorkflow(`the file holds ${Array.isArray(value) ? "an array" : `a ${value === null ? "null" : typeof value}`}`);

  let workflow: Workflow;
  if ("nodes" in value) {
    const ui = uiWorkflow.safeParse(value);
    if (!ui.success) return notAWorkflow(describeIssues(ui.error));
    workflow = readUiWorkflow(ui.data);
  } else if (looksLikeApi(value)) {
    const api = apiWorkflow.safeParse(value);
    if (!api.success) return notAWorkflow(describeIssues(api.error));
    workflow = readApiWorkflow(api.data);
  } else {
    const keys = Object.keys(value).slice(0, 6);
    return notAWorkflow(keys.length ? `it has neither "nodes" nor nodes with "class_type" (keys: ${keys.join(", ")})` : "it is an empty object");
  }
  if (workflow.main.nodes.length === 0) return notAWorkflow("it has no nodes");

  const wiring = checkLinks(workflow);
  // Metadata warnings wait until the wiring is sound: they would bury the errors that matter.
  if (wiring.some(isError)) return { ok: false, problems: wiring };
  return { ok: true, workflow, warnings: [...wiring, ...checkMetadata(workflow)] };
}
