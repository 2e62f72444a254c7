/**
 * Workflow files, read once: each file is parsed, checked, summarised and drawn once, and
 * again only when its modification time or size changes (so the dev server sees edits).
 * One store lives per site configuration and is shared by the Markdown plugin, which
 * renders the blocks, and the Eleventy plugin, which writes the previews.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { customNodePacks, type PackNeed } from "./custom-node-packs.ts";
import { modelRequirements, type ModelNeed } from "./model-requirements.ts";
import { readWorkflow, type WorkflowProblem } from "./read-workflow.ts";
import { nodeCount, type Workflow } from "./workflow-graph.ts";
import { drawWorkflow, type Preview } from "./workflow-svg.ts";

/** Everything a workflow block shows, computed once per file version. */
export interface LoadedWorkflow {
  workflow: Workflow;
  nodeCount: number;
  models: ModelNeed[];
  packs: PackNeed[];
  preview: Preview;
}

/** A loaded workflow, or the problems that stop it from being one. */
export type StoreResult = { ok: true; value: LoadedWorkflow } | { ok: false; problems: WorkflowProblem[] };

interface Entry {
  mtimeMs: number;
  size: number;
  result: StoreResult;
}

/** Reads, checks and draws workflow files, caching by absolute path and modification time. */
export class WorkflowStore {
  /** How many times a file was parsed and a preview drawn; tests hold the cache to its promise. */
  readonly counts = { parsed: 0, drawn: 0 };
  readonly #cache = new Map<string, Entry>();

  /** The workflow at absolute `path`. */
  load(path: string): StoreResult {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      stat = null;
    }
    if (!stat?.isFile()) {
      this.#cache.delete(path);
      return { ok: false, problems: [{ rule: "workflow/missing-file", message: "file not found; save the workflow JSON there or correct the link" }] };
    }
    const cached = this.#cache.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;

    this.counts.parsed++;
    const read = readWorkflow(readFileSync(path, "utf8"));
    let result: StoreResult;
    if (read.ok) {
      this.counts.drawn++;
      const { workflow } = read;
      result = {
        ok: true,
        value: {
          workflow,
          nodeCount: nodeCount(workflow),
          models: modelRequirements(workflow),
          packs: customNodePacks(workflow),
          preview: drawWorkflow(workflow, basename(path)),
        },
      };
    } else {
      result = read;
    }
    this.#cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    return result;
  }
}
