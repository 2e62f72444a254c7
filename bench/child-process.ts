/**
 * Runs each measurement in a fresh Node process, so one build's heap, module cache and
 * JIT state never leak into the next, and its peak memory is its own.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Runners print exactly one line with this prefix, carrying their result as JSON. */
export const RESULT_PREFIX = "BENCH_RESULT ";

/** Called by a runner: hands its result (plus its own peak RSS) to the parent. */
export function reportResult(result: object): void {
  const maxRssKb = process.resourceUsage().maxRSS;
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify({ ...result, maxRssKb })}\n`);
}

/** The result line in a runner's output, parsed. */
export function parseResult<T>(stdout: string): T {
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error("the runner printed no result");
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}

/** Every runner result carries these. */
export interface ChildMeasure {
  /** Peak resident memory in KiB: the larger of the runner's own and, with GNU time, its process tree's. */
  peakRssKb: number;
}

const TSX_LOADER = import.meta.resolve("tsx");
const GNU_TIME = "/usr/bin/time";

/** Where a runner lives: `bench/runners/<name>.ts`. */
export function runnerPath(name: string): string {
  return fileURLToPath(new URL(`./runners/${name}.ts`, import.meta.url));
}

/** Extra switches for a child process. */
export interface ChildOptions {
  cwd: string;
  /** Node flags before the script, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** The runner and everything it started are killed after this long. */
  timeoutMs?: number;
}

/** Long enough for a 5,000-pages-per-language dev-server session on a slow machine. */
export const DEFAULT_CHILD_TIMEOUT_MS = 30 * 60_000;

/**
 * Spawns `node --import tsx <runner> …args` and resolves with its result. GNU time, when
 * present, adds the peak RSS of children the runner waited for (Pagefind's binary).
 */
export async function runChild<T extends object>(runner: string, args: string[], options: ChildOptions): Promise<T & ChildMeasure> {
  const timeDir = mkdtempSync(join(tmpdir(), "bench-time-"));
  const timeFile = join(timeDir, "rss");
  const nodeArgs = [...(options.nodeFlags ?? []), "--import", TSX_LOADER, runnerPath(runner), ...args];
  const [command, commandArgs] = existsSync(GNU_TIME)
    ? [GNU_TIME, ["-f", "%M", "-o", timeFile, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      // Its own process group, so a timeout ends GNU time, Node and Pagefind's binary together.
      const child = spawn(command, commandArgs, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
      const timeoutMs = options.timeoutMs ?? DEFAULT_CHILD_TIMEOUT_MS;
      const timer = setTimeout(() => {
        stderr += `\n(killed after ${timeoutMs} ms)`;
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      }, timeoutMs);
      child.on("close", () => clearTimeout(timer));
      child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d; });
      child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d; });
      child.on("error", reject);
      child.on("close", (c) => resolve({ code: c, stdout, stderr }));
    });
    if (code !== 0) {
      throw new Error(`${runner} ${args.join(" ")} exited with ${code}:\n${(stderr || stdout).slice(-4000)}`);
    }
    const result = parseResult<T & { maxRssKb: number }>(stdout);
    const treeKb = existsSync(timeFile) ? Number.parseInt(readFileSync(timeFile, "utf8").trim().split("\n").pop()!, 10) : 0;
    return { ...result, peakRssKb: Math.max(result.maxRssKb, Number.isFinite(treeKb) ? treeKb : 0) };
  } finally {
    rmSync(timeDir, { recursive: true, force: true });
  }
}
