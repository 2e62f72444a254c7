/**
 * The `ComfyUI/models/<folder>/<file>` tree guides draw by hand, drawn from the model list:
 * one line per folder and file, with box-drawing branches, as plain text lines.
 */
import type { ModelNeed } from "./model-requirements.ts";

interface Dir {
  children: Map<string, Dir>;
}

function insert(root: Dir, path: readonly string[]): void {
  let dir = root;
  for (const segment of path) {
    let next = dir.children.get(segment);
    if (!next) dir.children.set(segment, (next = { children: new Map() }));
    dir = next;
  }
}

/** The tree's lines (folders end in `/`), or none when no model has a known folder. */
export function modelTreeLines(models: readonly ModelNeed[]): string[] {
  const root: Dir = { children: new Map() };
  for (const m of models) {
    if (!m.folder) continue;
    // Sub-folders in a file name (`SD1.5/x.safetensors`, or Windows' `SD1.5\x.safetensors`) are folders too.
    const file = m.file.split(/[\\/]/).filter((s) => s !== "");
    insert(root, ["ComfyUI", "models", ...m.folder.split("/"), ...file]);
  }
  if (root.children.size === 0) return [];
  const lines: string[] = [];
  // An explicit stack, not recursion: depth comes from file names in the workflow.
  const stack: { name: string; dir: Dir; prefix: string; branch: string }[] = [{ name: "ComfyUI", dir: root.children.get("ComfyUI")!, prefix: "", branch: "" }];
  while (stack.length > 0) {
    const { name, dir, prefix, branch } = stack.pop()!;
    lines.push(`${prefix}${branch}${name}${dir.children.size > 0 ? "/" : ""}`);
    const childPrefix = prefix + (branch === "" ? "" : branch === "└── " ? "    " : "│   ");
    const entries = [...dir.children];
    for (let k = entries.length - 1; k >= 0; k--) {
      const [childName, child] = entries[k]!;
      stack.push({ name: childName, dir: child, prefix: childPrefix, branch: k === entries.length - 1 ? "└── " : "├── " });
    }
  }
  return lines;
}
