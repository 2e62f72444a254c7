/** Reads a V8 `.cpuprofile` (from `node --cpu-prof`) into hot-spot tables. */

/** The parts of V8's CPU profile format this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Time spent in one function or module, in milliseconds. */
export interface HotSpot {
  name: string;
  ms: number;
}

/** Hot spots of one profile, largest first. */
export interface ProfileSummary {
  totalMs: number;
  /** Self time per function: where the CPU actually was. */
  functions: HotSpot[];
  /** Self time per module: a project file, or a package name for node_modules. */
  modules: HotSpot[];
  /** Inclusive time of the project's own functions (src/, eleventy.config.ts): what they cost with callees. */
  projectInclusive: HotSpot[];
  /** Inclusive time per module: every sample with the module anywhere on its stack. */
  modulesInclusive: HotSpot[];
}

/** `src/x.ts` for project files, the package for node_modules, `node:…` for Node internals. */
export function moduleOf(url: string, projectRoot: string): string {
  if (url === "") return "(native)";
  const path = url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  if (path.startsWith(projectRoot)) return path.slice(projectRoot.length).replace(/^\//, "");
  return path.startsWith("node:") ? path.split("/")[0]! : path;
}

const top = (map: Map<string, number>, limit: number): HotSpot[] =>
  [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name)).slice(0, limit);

/** Aggregates a profile; `projectRoot` tells project files from dependencies. */
export function summarizeProfile(profile: CpuProfile, projectRoot: string, limit = 20): ProfileSummary {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const key = (n: CpuProfile["nodes"][number]) => {
    const { functionName, url, lineNumber } = n.callFrame;
    // tsx-compiled project files report line 0 for everything: a line there would mislead.
    return `${functionName || "(anonymous)"} ${moduleOf(url, projectRoot)}${url && lineNumber > 0 ? `:${lineNumber + 1}` : ""}`;
  };
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const modulesInclusive = new Map<string, number>();
  // Depth-first with the functions and modules on the current call stack, so recursion
  // (and a module calling itself through others) is counted once.
  const onStack = new Set<string>();
  const visit = (id: number): number => {
    const node = byId.get(id)!;
    const k = key(node);
    const ms = self.get(id) ?? 0;
    functions.set(k, (functions.get(k) ?? 0) + ms);
    const mod = moduleOf(node.callFrame.url, projectRoot);
    modules.set(mod, (modules.get(mod) ?? 0) + ms);
    const fresh = [k, `module:${mod}`].filter((entry) => !onStack.has(entry));
    for (const entry of fresh) onStack.add(entry);
    let total = ms;
    for (const child of node.children ?? []) total += visit(child);
    for (const entry of fresh) onStack.delete(entry);
    if (fresh.includes(k) && (mod.startsWith("src/") || mod === "eleventy.config.ts")) inclusive.set(k, (inclusive.get(k) ?? 0) + total);
    if (fresh.includes(`module:${mod}`)) modulesInclusive.set(mod, (modulesInclusive.get(mod) ?? 0) + total);
    return total;
  };
  const root = profile.nodes[0];
  const totalMs = root ? visit(root.id) : 0;
  return {
    totalMs, functions: top(functions, limit), modules: top(modules, limit),
    projectInclusive: top(inclusive, limit), modulesInclusive: top(modulesInclusive, limit),
  };
}

/** Plain-text tables for the terminal. */
export function formatProfile(summary: ProfileSummary): string {
  const section = (title: string, spots: HotSpot[]) =>
    [`${title}:`, ...spots.map((s) => `  ${s.ms.toFixed(0).padStart(7)} ms  ${((s.ms / summary.totalMs) * 100).toFixed(1).padStart(5)}%  ${s.name}`)].join("\n");
  return [
    `total sampled: ${summary.totalMs.toFixed(0)} ms`,
    section("self time by module", summary.modules),
    section("inclusive time by module (with everything it calls)", summary.modulesInclusive),
    section("self time by function", summary.functions),
    section("project functions, inclusive time", summary.projectInclusive),
  ].join("\n\n");
}
