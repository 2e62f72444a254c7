/**
 * The `models` metadata ComfyUI's workflow schema allows, `[{ name, url, hash?, hash_type?,
 * directory }]`, in a node's `properties.models` (top level, inside subgraph definitions
 * and group nodes) and at the top level of the file. Each record is judged here once:
 * what is safe to show is kept, and what is not becomes a reason for a warning.
 */
import { isKnownModelFolder, knownFolderHint } from "./model-folders.ts";
import { allNodes, type GraphNode, type Workflow } from "./workflow-graph.ts";

/** One checked record; a field that failed its check is left out. */
export interface DeclaredModel {
  name: string;
  /** An https download address. */
  url?: string;
  /** A known folder under `ComfyUI/models/`. */
  directory?: string;
  hash?: string;
  hashType?: string;
  /** The node that declares it; absent for top-level records. */
  node?: GraphNode;
}

/** A record, or a field of one, that was not kept, and why. */
export interface MetadataIssue {
  message: string;
}

const HASH = /^[0-9a-f]{8,128}$/i;
const HASH_TYPE = /^[a-z0-9_-]{1,16}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A model file name as ComfyUI lists it: sub-folders allowed, but never `..` or an absolute path. */
function isSafeName(name: string): boolean {
  return name.trim() !== "" && name.length <= 300 && !/^[\\/]|^[A-Za-z]:/.test(name) && !name.split(/[\\/]/).some((s) => s === "..");
}

/** `https://host/...`, or undefined. */
function httpsUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.hostname !== "" && !parsed.username && !parsed.password ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function checkRecord(value: unknown, where: string, node: GraphNode | undefined, issues: MetadataIssue[]): DeclaredModel | undefined {
  if (!isRecord(value) || typeof value["name"] !== "string" || !isSafeName(value["name"])) {
    issues.push({ message: `${where}: a models entry needs a "name" that is a file name (no "..", not an absolute path)` });
    return undefined;
  }
  const name = value["name"];
  const model: DeclaredModel = { name, ...(node ? { node } : {}) };
  const { url, directory, hash, hash_type: hashType } = value;
  if (typeof url === "string" && url !== "") {
    const safe = httpsUrl(url);
    if (safe) model.url = safe;
    else issues.push({ message: `${where}: the url of ${name} must be an https:// address; it is not linked` });
  }
  if (typeof directory === "string" && directory !== "") {
    if (isKnownModelFolder(directory)) model.directory = directory;
    else issues.push({ message: `${where}: "${directory.slice(0, 80)}" (the directory of ${name}) is not a ComfyUI models folder (${knownFolderHint()}); it is not shown` });
  }
  if (typeof hash === "string" && HASH.test(hash)) {
    model.hash = hash.toLowerCase();
    if (typeof hashType === "string" && HASH_TYPE.test(hashType)) model.hashType = hashType.toLowerCase();
  }
  return model;
}

/** Every `models` record of the workflow, checked, with the issues found in them. */
export function declaredModels(workflow: Workflow): { models: DeclaredModel[]; issues: MetadataIssue[] } {
  const models: DeclaredModel[] = [];
  const issues: MetadataIssue[] = [];
  for (const record of workflow.declaredModels) {
    const model = checkRecord(record, "models", undefined, issues);
    if (model) models.push(model);
  }
  for (const node of allNodes(workflow)) {
    const records = node.properties["models"];
    if (!Array.isArray(records)) continue;
    for (const record of records) {
      const model = checkRecord(record, `node ${node.id} (${node.type}) properties.models`, node, issues);
      if (model) models.push(model);
    }
  }
  return { models, issues };
}
