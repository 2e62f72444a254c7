/**
 * Workflow files, read once: each file is parsed, checked, summarised and drawn once, and
 * again only when its modification time or size changes (so the dev server sees edits).
 * One store lives per site configuration and is shared by the Markdown plugin, which
 * renders the blocks, and the Eleventy plugin, which writes the previews.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import { closest } from "../util/edit-distance.ts";
import type { DiskCache } from "../util/disk-cache.ts";
import { contentHash } from "../util/content-hash.ts";
import { fileStamp } from "../util/file-stamp.ts";
import { projectFile } from "../util/project-file.ts";
import { customNodePacks, type PackNeed } from "./custom-node-packs.ts";
import { modelRequirements, type ModelNeed } from "./model-requirements.ts";
import { isPasteable } from "./metadata-check.ts";
import { readPngWorkflowText } from "./png-workflow.ts";
import { readWorkflow, unreadable, type WorkflowProblem } from "./read-workflow.ts";
import { workflowMetadata } from "./svg-metadata.ts";
import { nodeCount } from "./workflow-graph.ts";
import { drawWorkflow, type Preview } from "./workflow-svg.ts";

/**
 * A drawn preview as a result holds it: its size and the hash of its SVG. The SVG itself
 * only while the process that drew it holds the result; a result kept on disk leaves it
 * to the drawn file (src/workflow/write-previews.ts), and {@link WorkflowStore.drawPreview}
 * draws it again should that file be gone.
 */
export interface PreviewResult extends Omit<Preview, "svg"> {
  /** sha1 of the SVG's UTF-8 bytes. */
  hash: string;
  svg?: string;
}

/** Everything a workflow block shows, computed once per file version. */
export interface LoadedWorkflow {
  nodeCount: number;
  models: ModelNeed[];
  packs: PackNeed[];
  /** The drawn graph; null for the workflow a PNG carries, whose image is its picture. */
  preview: PreviewResult | null;
  /** Whether ComfyUI's paste takes the file's text (else the block offers Download and drag only). */
  pasteable: boolean;
  /** What lowers the block's quality: stale links, metadata, paste, a simplified preview. */
  warnings: WorkflowProblem[];
}

/** A loaded workflow, or the problems that stop it from being one (warnings among them). */
export type StoreResult = { ok: true; value: LoadedWorkflow } | { ok: false; problems: WorkflowProblem[] };

/**
 * Reads, summarises and (for workflow files) draws one workflow text; `name` is the file
 * name shown in the SVG. A PNG's workflow is not drawn, and Copy does not apply to it.
 */
function loadText(text: string, name: string, source: "file" | "image"): StoreResult {
  const read = readWorkflow(text);
  if (!read.ok) return read;
  const { workflow } = read;
  const drawn = source === "file" ? drawWorkflow(workflow, name, workflowMetadata(text, workflow.format)) : null;
  const preview = drawn && { ...drawn, hash: createHash("sha1").update(drawn.svg).digest("hex") };
  const warnings = source === "file" ? [...read.warnings] : read.warnings.filter((w) => w.rule !== "workflow/not-pasteable");
  if (preview?.simplified) {
    warnings.push({
      rule: "workflow/preview-simplified",
      severity: "warning",
      message: `the preview shows node boxes only: the workflow has ${preview.simplified}`,
    });
  }
  return {
    ok: true,
    value: {
      nodeCount: nodeCount(workflow),
      models: modelRequirements(workflow),
      packs: customNodePacks(workflow),
      preview,
      pasteable: source === "file" && isPasteable(workflow),
      warnings,
    },
  };
}

/** A loaded file: its {@link fileStamp}, the roots it was found inside (refusal), and what it gave. */
interface FileEntry {
  stamp: string;
  inside: Set<string>;
  result: StoreResult;
}

/**
 * Reads, checks and draws workflow files, caching by absolute path while the file is
 * unchanged ({@link fileStamp}).
 * With a {@link DiskCache}, results also outlive the process, by the file's name and
 * text: the next build reads each file but parses and draws only the ones that changed.
 */
export class WorkflowStore {
  /** How many times a file was parsed and a preview drawn, or taken from disk; tests hold the caches to their promise. */
  readonly counts = { parsed: 0, drawn: 0, fromDisk: 0 };
  readonly #cache = new Map<string, FileEntry>();
  readonly #images = new Map<string, { stamp: string; result: StoreResult | null }>();

  constructor(private readonly disk?: DiskCache<StoreResult>) {}

  /**
   * The workflow at absolute `path`. With the project `root`, only a regular file inside
   * it (symlinks resolved) of at most {@link MAX_WORKFLOW_BYTES} is read.
   */
  load(path: string, root?: string): StoreResult {
    const stamp = fileStamp(path);
    const cached = this.#cache.get(path);
    const unchanged = stamp !== undefined && cached?.stamp === stamp ? cached : undefined;
    // An unchanged file was read already; once it passed the check against a root, it passes again.
    if (unchanged && (root === undefined || unchanged.inside.has(root))) return unchanged.result;
    const refused = root === undefined ? undefined : refusal(root, path);
    if (refused) {
      this.#cache.delete(path);
      return { ok: false, problems: [refused] };
    }
    if (unchanged) {
      unchanged.inside.add(root!);
      return unchanged.result;
    }
    let stat;
    try {
      stat = statSync(path);
    } catch {
      stat = null;
    }
    if (stamp === undefined || !stat?.isFile()) {
      this.#cache.delete(path);
      const near = nearWorkflow(path);
      const hint = near ? `did you mean ${near}? ` : "";
      return { ok: false, problems: [{ rule: "workflow/missing-file", message: `file not found; ${hint}save the workflow JSON there or correct the link` }] };
    }
    const result = this.#loadFile(path, true);
    this.#cache.set(path, { stamp, inside: new Set(root === undefined ? [] : [root]), result });
    return result;
  }

  /**
   * A workflow file's result: with `fromDisk`, from disk when a file of this name and these
   * bytes was loaded before (found by the hash of its bytes, which the build has mostly
   * taken already for the renders' dependency stamp: src/util/content-hash.ts), so such a
   * file is not read. A file that cannot be read becomes its own diagnostic: one strange
   * file must not take the build down.
   */
  #loadFile(path: string, fromDisk: boolean): StoreResult {
    const name = basename(path);
    try {
      const hash = fromDisk && this.disk ? contentHash(path) : undefined;
      const kept = hash === undefined ? undefined : this.disk!.get(this.disk!.keyOf(name, hash));
      if (kept) {
        this.counts.fromDisk++;
        return kept;
      }
      this.counts.parsed++;
      const bytes = readFileSync(path);
      const result = loadText(bytes.toString("utf8"), name, "file");
      if (result.ok) this.counts.drawn++;
      // Kept under the hash of the bytes read, should the file have changed since it was hashed.
      if (this.disk) this.disk.set(this.disk.keyOf(name, createHash("sha1").update(bytes).digest("hex")), withoutSvg(result));
      return result;
    } catch (error) {
      return { ok: false, problems: [unreadable(error)] };
    }
  }

  /**
   * The preview of the workflow at absolute `path` with its SVG, drawn again when the
   * result at hand came from disk without it (src/workflow/write-previews.ts asks when the
   * drawn file is gone); undefined when the file no longer gives one.
   */
  drawPreview(path: string, root?: string): (PreviewResult & { svg: string }) | undefined {
    const held = this.load(path, root);
    if (held.ok && held.value.preview?.svg !== undefined) return held.value.preview as PreviewResult & { svg: string };
    const stamp = fileStamp(path);
    if (!held.ok || stamp === undefined) return undefined;
    const result = this.#loadFile(path, false);
    if (!result.ok || !result.value.preview) return undefined;
    const entry = this.#cache.get(path);
    this.#cache.set(path, { stamp, inside: entry?.inside ?? new Set(root === undefined ? [] : [root]), result });
    return result.value.preview as PreviewResult & { svg: string };
  }

  /** Deletes the results on disk this process did not use (after a whole production build). */
  pruneDisk(): void {
    this.disk?.prune();
  }

  /** Writes the results kept for the disk since the last flush (src/util/disk-cache.ts). */
  async flushDisk(): Promise<void> {
    await this.disk?.flush();
  }

  /** The workflow the PNG at absolute `path` (inside `root`) carries, or null when it carries none. */
  loadImage(path: string, root: string): StoreResult | null {
    const stamp = fileStamp(path);
    if (stamp === undefined) return null;
    const cached = this.#images.get(path);
    if (cached?.stamp === stamp) return cached.result;
    let result: StoreResult | null;
    try {
      const text = readPngWorkflowText(path, root);
      result = text === null ? null : loadText(text, basename(path), "image");
    } catch (error) {
      result = { ok: false, problems: [unreadable(error)] };
    }
    this.#images.set(path, { stamp, result });
    return result;
  }
}

/** A result as it is kept on disk: the preview's SVG (nearly all of its bytes) is the drawn file's to keep. */
function withoutSvg(result: StoreResult): StoreResult {
  if (!result.ok || !result.value.preview) return result;
  const { svg: _svg, ...preview } = result.value.preview;
  return { ok: true, value: { ...result.value, preview } };
}

/** Largest workflow file read: real workflows are kilobytes to a few megabytes. */
export const MAX_WORKFLOW_BYTES = 20 * 2 ** 20;

function refusal(root: string, path: string): WorkflowProblem | undefined {
  const checked = projectFile(root, path, MAX_WORKFLOW_BYTES);
  if (!("error" in checked)) return undefined;
  if (checked.error === "file not found" || checked.error === "not a regular file") return undefined; // reported below as missing
  if (checked.error.startsWith("larger")) return { rule: "workflow/too-large", message: `the file is ${checked.error}; it is not read` };
  return { rule: "workflow/outside-project", message: `${checked.error}; it is never read: put the workflow JSON itself under workflows/` };
}

/** A workflow file one edit away from the missing `path`'s name, in its folder (a typo in the link). */
function nearWorkflow(path: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(path)).filter((name) => name.toLowerCase().endsWith(".json"));
  } catch {
    return undefined;
  }
  return closest(basename(path), names);
}
