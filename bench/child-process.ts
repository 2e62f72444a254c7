/**
 * Runs each measurement in a fresh process, so one build's heap, module cache and JIT
 * state never leak into the next, and measures it whole, as a user's command would be:
 * wall time from spawn to exit, CPU (user + system) of the process, the children it
 * waited for and any it left running, and peak resident memory.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { followLeftovers, type Leftovers } from "./leftovers.ts";

/** Runners print exactly one line with this prefix, carrying their result as JSON. */
export const RESULT_PREFIX = "BENCH_RESULT ";

/** Called by a runner: hands its result (plus its own peak RSS and CPU) to the parent. */
export function reportResult(result: object): void {
  const usage = process.resourceUsage();
  const selfCpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify({ ...result, maxRssKb: usage.maxRSS, selfCpuMs })}\n`);
}

/** The result line in a runner's output, parsed. */
export function parseResult<T>(stdout: string): T {
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error("the runner printed no result");
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}

/** What one whole process cost. */
export interface ProcessMeasure {
  /** Spawn to exit, measured by the parent. */
  wallMs: number;
  /** User + system CPU of the process and every descendant it waited for (GNU time); 0 when unknown. */
  cpuMs: number;
  /** Peak resident memory in KiB of the largest process in the tree (GNU time); 0 when unknown. */
  peakRssKb: number;
  /**
   * Whether processes it started were still running when it exited. They are followed
   * until they exit (or ended after 2 s), and their CPU and memory are added above.
   */
  leftBehind: boolean;
}

/** Every runner result carries these. */
export type ChildMeasure = ProcessMeasure;

const TSX_LOADER = import.meta.resolve("tsx");
const GNU_TIME = "/usr/bin/time";
// Elapsed is measured by the parent; GNU time adds what only wait4() sees.
const TIME_FORMAT = "%U %S %M";

/** Where a runner lives: `bench/runners/<name>.ts`. */
export function runnerPath(name: string): string {
  return fileURLToPath(new URL(`./runners/${name}.ts`, import.meta.url));
}

/** Extra switches for a child process. */
export interface ChildOptions {
  cwd: string;
  /** Node flags before the script, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** The process and everything it started are killed after this long. */
  timeoutMs?: number;
  /** How long processes it left running may go on before they are ended (default 2 s). */
  leftoverGraceMs?: number;
}

/** Long enough for a 5,000-pages-per-language dev-server session on a slow machine. */
export const DEFAULT_CHILD_TIMEOUT_MS = 30 * 60_000;

/** `GNU time`'s last line, "user sys maxrss", read into milliseconds and KiB. */
export function parseTimeLine(text: string): { cpuMs: number; peakRssKb: number } | undefined {
  const last = text.trim().split("\n").pop() ?? "";
  const [user, sys, rss] = last.trim().split(/\s+/).map(Number);
  if (![user, sys, rss].every((n) => Number.isFinite(n))) return undefined;
  return { cpuMs: (user! + sys!) * 1000, peakRssKb: rss! };
}

/**
 * Spawns `command args` in its own process group and measures it whole. Fails with the
 * tail of its output when it exits non-zero.
 */
export async function measureProcess(command: string, args: string[], options: ChildOptions): Promise<ProcessMeasure & { stdout: string }> {
  const timeDir = mkdtempSync(join(tmpdir(), "bench-time-"));
  const timeFile = join(timeDir, "usage");
  const timed = existsSync(GNU_TIME);
  const [file, fileArgs] = timed ? [GNU_TIME, ["-f", TIME_FORMAT, "-o", timeFile, command, ...args]] : [command, args];
  try {
    const started = performance.now();
    let leftovers: Promise<Leftovers> | undefined;
    const { code, stdout, stderr, wallMs } = await new Promise<{ code: number | null; stdout: string; stderr: string; wallMs: number }>((resolve, reject) => {
      let stdout = "";
      let stderr = "";
      // Its own process group, so a timeout ends GNU time, Node and Pagefind's binary together.
      const child = spawn(file, fileArgs, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
      const timeoutMs = options.timeoutMs ?? DEFAULT_CHILD_TIMEOUT_MS;
      const timer = setTimeout(() => {
        stderr += `\n(killed after ${timeoutMs} ms)`;
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      }, timeoutMs);
      child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d; });
      child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d; });
      // Wall time ends when the process exits; "close" also waits for anything it left
      // running that still holds its output.
      let exitedAt = 0;
      child.on("exit", () => {
        exitedAt = performance.now();
        clearTimeout(timer);
        // Read at once: a process left behind may be gone in a few milliseconds.
        if (child.pid) leftovers = followLeftovers(child.pid, options.leftoverGraceMs);
      });
      child.on("error", reject);
      child.on("close", (c) => resolve({ code: c, stdout, stderr, wallMs: (exitedAt || performance.now()) - started }));
    });
    if (code !== 0) {
      throw new Error(`${command} ${args.join(" ")} exited with ${code}:\n${(stderr || stdout).slice(-4000)}`);
    }
    const usage = existsSync(timeFile) ? parseTimeLine(readFileSync(timeFile, "utf8")) : undefined;
    const left = (await leftovers) ?? { count: 0, cpuMs: 0, peakRssKb: 0 };
    return {
      wallMs,
      cpuMs: usage ? usage.cpuMs + left.cpuMs : 0,
      peakRssKb: usage ? Math.max(usage.peakRssKb, left.peakRssKb) : 0,
      leftBehind: left.count > 0,
      stdout,
    };
  } finally {
    rmSync(timeDir, { recursive: true, force: true });
  }
}

/** Spawns `node --import tsx <runner> …args` and resolves with its result and its measure. */
export async function runChild<T extends object>(runner: string, args: string[], options: ChildOptions): Promise<T & ChildMeasure> {
  const nodeArgs = [...(options.nodeFlags ?? []), "--import", TSX_LOADER, runnerPath(runner), ...args];
  const { stdout, ...measure } = await measureProcess(process.execPath, nodeArgs, options);
  const result = parseResult<T & { maxRssKb: number; selfCpuMs: number }>(stdout);
  // Without GNU time, the runner's own numbers stand in (they miss its children).
  return {
    ...result,
    leftBehind: measure.leftBehind,
    wallMs: measure.wallMs,
    cpuMs: measure.cpuMs || result.selfCpuMs,
    peakRssKb: Math.max(measure.peakRssKb, result.maxRssKb),
  };
}
