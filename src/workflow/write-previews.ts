/**
 * Keeps a folder of preview SVGs, one per valid workflow file, for Eleventy to publish
 * (src/eleventy/workflows.ts passes it through to `/workflow-previews/`).
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomically } from "../util/write-atomically.ts";
import { listWorkflowFiles, previewPath, PREVIEWS_DIR, WORKFLOWS_DIR } from "./workflow-paths.ts";
import type { WorkflowStore } from "./workflow-store.ts";

function sameContent(path: string, text: string): boolean {
  try {
    return readFileSync(path, "utf8") === text;
  } catch {
    return false;
  }
}

/**
 * Writes `<dir>/workflow-previews/<path>.svg` for each valid `<root>/workflows/<path>.json`
 * (invalid files are reported by the blocks that link them and by the check), removes the
 * previews of workflows that are gone or no longer valid, and returns the paths written.
 * Unchanged previews are left alone, so the dev server sees no churn. `known` (kept by the
 * caller between rebuilds) remembers what each target was last written with: a preview
 * the store still holds is then only checked to exist, not read back.
 */
export function writePreviews(store: WorkflowStore, root: string, dir: string, known = new Map<string, string>()): string[] {
  const workflows = join(root, WORKFLOWS_DIR);
  const written: string[] = [];
  for (const rel of listWorkflowFiles(workflows)) {
    const result = store.load(join(workflows, rel), root);
    if (!result.ok || !result.value.preview) continue;
    const target = previewPath(dir, rel);
    const { svg } = result.value.preview;
    const unchanged = known.get(target) === svg ? existsSync(target) : sameContent(target, svg);
    if (!unchanged) writeFileAtomically(target, svg);
    known.set(target, svg);
    written.push(target);
  }
  removeAllBut(join(dir, PREVIEWS_DIR), new Set(written), known);
  return written;
}

/** Deletes every file under `folder` not in `keep`, and the folders left empty. */
function removeAllBut(folder: string, keep: ReadonlySet<string>, known: Map<string, string>): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      removeAllBut(path, keep, known);
      if (readdirSync(path).length === 0) rmdirSync(path);
    } else if (!keep.has(path)) {
      rmSync(path, { force: true });
      known.delete(path);
    }
  }
}
