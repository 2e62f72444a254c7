/**
 * Keeps a folder of preview SVGs, one per valid workflow file, for the build to publish
 * (src/eleventy/workflows.ts links them into `/workflow-previews/`). The drawn files are
 * the previews' cache: a result the workflow store kept on disk carries only its SVG's
 * hash, and a record beside the folder ({@link PreviewRecord}) says which hash each file
 * was written with, so a build whose workflows did not change neither reads nor draws one.
 */
import { lstatSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomically } from "../util/write-atomically.ts";
import { listWorkflowFiles, previewPath, PREVIEWS_DIR, WORKFLOWS_DIR } from "./workflow-paths.ts";
import type { WorkflowStore } from "./workflow-store.ts";

/** A written file as the kernel last changed it (inode, size, modification time), or undefined when it is gone. */
function writtenStamp(path: string): string | undefined {
  try {
    const s = lstatSync(path);
    return s.isFile() ? `${s.ino}:${s.size}:${s.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which SVG (by hash) each preview file was written with, and that file's stamp then:
 * kept in memory by the caller between rebuilds, and in `<dir>/workflow-previews.json` for
 * the next process. A file whose stamp changed since (deleted, rewritten by hand, or one
 * that came from elsewhere, whose inode and times this machine's write did not give) is
 * written again. The change time is not in the stamp: publishing a preview as a hard link
 * changes it.
 */
export class PreviewRecord {
  readonly #path: string;
  #files: Map<string, { hash: string; stamp: string }> | undefined;
  #changed = false;

  constructor(dir: string) {
    this.#path = join(dir, `${PREVIEWS_DIR}.json`);
  }

  #entries(): Map<string, { hash: string; stamp: string }> {
    if (this.#files) return this.#files;
    this.#files = new Map();
    try {
      const saved = JSON.parse(readFileSync(this.#path, "utf8")) as Record<string, { hash?: unknown; stamp?: unknown }>;
      for (const [file, entry] of Object.entries(saved)) {
        if (typeof entry?.hash === "string" && typeof entry.stamp === "string") this.#files.set(file, { hash: entry.hash, stamp: entry.stamp });
      }
    } catch {
      // No record, or a damaged one: every preview is checked by writing it again.
    }
    return this.#files;
  }

  /** True when `target` is the file written with the SVG hashed `hash`, untouched since. */
  holds(target: string, hash: string): boolean {
    const entry = this.#entries().get(target);
    return entry !== undefined && entry.hash === hash && entry.stamp === writtenStamp(target);
  }

  wrote(target: string, hash: string): void {
    const stamp = writtenStamp(target);
    if (stamp !== undefined) this.#entries().set(target, { hash, stamp });
    this.#changed = true;
  }

  forget(target: string): void {
    this.#changed = this.#entries().delete(target) || this.#changed;
  }

  /** Writes the record when it changed (a failed write only costs the next process a rewrite). */
  save(): void {
    if (!this.#changed) return;
    try {
      writeFileAtomically(this.#path, JSON.stringify(Object.fromEntries(this.#entries())));
      this.#changed = false;
    } catch {
      // A read-only disk: the next build writes the previews again.
    }
  }
}

/**
 * Writes `<dir>/workflow-previews/<path>.svg` for each valid `<root>/workflows/<path>.json`
 * (invalid files are reported by the blocks that link them and by the check), removes the
 * previews of workflows that are gone or no longer valid, and returns the paths written.
 * Unchanged previews are left alone, so the dev server sees no churn. `record` (kept by
 * the caller between rebuilds) says what each file was written with.
 */
export function writePreviews(store: WorkflowStore, root: string, dir: string, record = new PreviewRecord(dir)): string[] {
  const workflows = join(root, WORKFLOWS_DIR);
  const written: string[] = [];
  for (const rel of listWorkflowFiles(workflows)) {
    const path = join(workflows, rel);
    const result = store.load(path, root);
    if (!result.ok || !result.value.preview) continue;
    const target = previewPath(dir, rel);
    if (!record.holds(target, result.value.preview.hash)) {
      const drawn = store.drawPreview(path, root);
      if (!drawn) continue;
      writeFileAtomically(target, drawn.svg);
      record.wrote(target, drawn.hash);
    }
    written.push(target);
  }
  removeAllBut(join(dir, PREVIEWS_DIR), new Set(written), record);
  record.save();
  return written;
}

/** Deletes every file under `folder` not in `keep`, and the folders left empty. */
function removeAllBut(folder: string, keep: ReadonlySet<string>, record: PreviewRecord): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      removeAllBut(path, keep, record);
      if (readdirSync(path).length === 0) rmdirSync(path);
    } else if (!keep.has(path)) {
      rmSync(path, { force: true });
      record.forget(path);
    }
  }
}
