/**
 * Layers (ARCHITECTURE.md): no import cycle between the folders under src/, so each folder
 * can be read knowing only the folders it imports. Parses the import lines of every module.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../helpers/eleventy.ts";

const src = join(projectRoot, "src");

/**
 * The layer a file belongs to: its top folder under src/ ("" for files at src/ itself). A
 * subfolder is part of its folder's layer (`check/rules` is the check's; the second test
 * keeps the check's core from reaching into it).
 */
const folderOf = (file: string) => {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? parts[0]! : "";
};

/** Files under src/, as paths relative to src/ with forward slashes. */
const sourceFiles = () =>
  readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));

// Static imports and re-exports (`from "./x.ts"`), side-effect imports and dynamic `import("./x.ts")`.
const IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.[^"']+)["']|^\s*import\s+["'](\.[^"']+)["']|\bimport\(\s*["'](\.[^"']+)["']\s*\)/gm;

/** The modules (absolute paths) `file` imports by relative path. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1] ?? m[2] ?? m[3]!));
}

/** Folder → the folders its modules import (relative imports only; packages are outside the layers). */
export function folderImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles()) {
    const from = folderOf(file);
    for (const target of importsOf(file)) {
      if (!target.startsWith(src + sep)) continue;
      const to = folderOf(target);
      if (to === from || from === "" || to === "") continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

/** Every pair of folders that import each other, directly or through others: "a → b → a". */
export function folderCycles(edges: Map<string, Set<string>>): string[] {
  const cycles = new Set<string>();
  const walk = (start: string, at: string, path: string[]) => {
    for (const next of edges.get(at) ?? []) {
      if (next === start) cycles.add([...path, start].join(" → "));
      else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const start of [...edges.keys()].sort()) walk(start, start, [start]);
  return [...cycles].sort();
}

describe("folders under src/", () => {
  test("import each other in one direction only", () => {
    expect(folderCycles(folderImports())).toEqual([]);
  });

  test("the check's core modules take no helper from a rule file; only check-site.ts composes the rules", () => {
    const rules = join(src, "check", "rules") + sep;
    const reaching = sourceFiles()
      .filter((file) => !file.startsWith(rules) && !file.endsWith(join("check", "check-site.ts")))
      .flatMap((file) => importsOf(file).filter((target) => target.startsWith(rules)).map((target) => `${relative(src, file)} → ${relative(src, target)}`));
    expect(reaching).toEqual([]);
  });

  test("the cycle finder sees a cycle through a third folder", () => {
    const edges = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])], ["d", new Set(["a"])]]);
    expect(folderCycles(edges)).toEqual(["a → b → c → a"]);
  });
});
