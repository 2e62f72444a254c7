/** Writes the preview SVG of every valid workflow file into the site's output folder. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listWorkflowFiles, previewPath, WORKFLOWS_DIR } from "./workflow-paths.ts";
import type { WorkflowStore } from "./workflow-store.ts";

function sameContent(path: string, text: string): boolean {
  try {
    return readFileSync(path, "utf8") === text;
  } catch {
    return false;
  }
}

/** Writes `text` to `path` through a temporary file and a rename: a reader never sees half a file. */
export function writeFileAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * Writes `<outputDir>/workflow-previews/<path>.svg` for each valid `<root>/workflows/<path>.json`
 * (invalid files are reported by the blocks that link them and by the check) and returns
 * the paths written. Unchanged previews are left alone, so the dev server sees no churn.
 * `known` (kept by the caller between rebuilds) remembers what each target was last written
 * with: a preview the store still holds is then only checked to exist, not read back.
 */
export function writePreviews(store: WorkflowStore, root: string, outputDir: string, known = new Map<string, string>()): string[] {
  const dir = join(root, WORKFLOWS_DIR);
  const written: string[] = [];
  for (const rel of listWorkflowFiles(dir)) {
    const result = store.load(join(dir, rel), root);
    if (!result.ok || !result.value.preview) continue;
    const target = previewPath(outputDir, rel);
    const { svg } = result.value.preview;
    const unchanged = known.get(target) === svg ? existsSync(target) : sameContent(target, svg);
    if (!unchanged) writeFileAtomically(target, svg);
    known.set(target, svg);
    written.push(target);
  }
  return written;
}
