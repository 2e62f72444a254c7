/**
 * Warnings about what a workflow file says of itself: its `models` records (https url,
 * known folder, one folder per file name), custom node pack ids, the schema version, and
 * whether ComfyUI's paste would take it. None stops the build: the block shows what is
 * safe and leaves the rest out, and the author learns what to fix.
 */
import { declaredModels } from "./declared-models.ts";
import type { WorkflowProblem } from "./read-workflow.ts";
import { allNodes, type Workflow } from "./workflow-graph.ts";

/** Past this many, metadata warnings are summed up in one line. */
const MAX_LISTED = 8;

/** `github-user/repo`, what `aux_id` records for packs outside the registry. */
export const GITHUB_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9_.-]{1,100}$/;

/** Schema versions ComfyUI's frontend reads. */
const VERSIONS = new Set([0.4, 1]);

/**
 * Whether ComfyUI loads pasted text of this file as a workflow: its paste takes only text
 * with `version`, `nodes` and `extra` (Comfy-Org/ComfyUI_frontend, usePaste.ts).
 */
export function isPasteable(workflow: Workflow): boolean {
  return workflow.format === "ui" && workflow.version !== undefined && workflow.version !== null && workflow.hasExtra;
}

function pasteProblem(workflow: Workflow): string | undefined {
  if (isPasteable(workflow)) return undefined;
  const why =
    workflow.format === "api"
      ? "it is in the API format, which ComfyUI cannot paste"
      : !workflow.hasExtra
        ? 'it has no "extra" object, without which ComfyUI ignores pasted text'
        : 'it has no "version"';
  return `Copy would not paste into ComfyUI: ${why}; the block offers Download and drag only (save it again from ComfyUI with "Save" or "Export" to fix this)`;
}

/** The metadata warnings of a workflow. */
export function checkMetadata(workflow: Workflow): WorkflowProblem[] {
  const messages: string[] = [];
  const { models, issues } = declaredModels(workflow);
  for (const issue of issues) messages.push(issue.message);

  const folders = new Map<string, Set<string>>();
  for (const m of models) {
    if (m.directory) folders.set(m.name, (folders.get(m.name) ?? new Set()).add(m.directory));
  }
  for (const [name, set] of folders) {
    if (set.size > 1) messages.push(`models: ${name} is given ${set.size} different folders (${[...set].join(", ")}); a file goes in one`);
  }

  for (const node of allNodes(workflow)) {
    const auxId = node.properties["aux_id"];
    if (typeof auxId === "string" && auxId.trim() !== "" && !GITHUB_REPO.test(auxId.trim())) {
      messages.push(`node ${node.id} (${node.type}): aux_id "${auxId.slice(0, 80)}" is not a GitHub "user/repo"; the pack is not linked`);
    }
  }

  if (workflow.format === "ui" && !VERSIONS.has(workflow.version as number)) {
    const found = workflow.version === undefined ? "no version" : `version ${JSON.stringify(workflow.version).slice(0, 40)}`;
    messages.push(`the file has ${found}; ComfyUI reads workflow versions 0.4 and 1`);
  }

  const problems: WorkflowProblem[] = messages.slice(0, MAX_LISTED).map((message) => ({ rule: "workflow/metadata", severity: "warning", message }));
  if (messages.length > MAX_LISTED) {
    problems.push({ rule: "workflow/metadata", severity: "warning", message: `…and ${messages.length - MAX_LISTED} more metadata problem(s)` });
  }
  const paste = pasteProblem(workflow);
  if (paste) problems.push({ rule: "workflow/not-pasteable", severity: "warning", message: paste });
  return problems;
}
