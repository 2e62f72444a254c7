/**
 * The dev loop as an author lives it: `npm start` (src/cli/serve.ts through the compiled
 * start, as package.json runs it) on the corpus, a page saved, and the page fetched over
 * HTTP until its new text is served. Then the page's title is changed and a neighbouring
 * page is fetched until its nav and prev/next show the new title: the edit must reach
 * every page that depends on it, not only the saved one.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** One timed edit: from the file write until a response held the new text. */
export interface ServedEdit {
  kind: "body" | "title";
  ms: number;
}

/** One `npm start` session: how long until the first page was served, then each edit. */
export interface ServedRun {
  startMs: number;
  edits: ServedEdit[];
}

/** The page edited, where it is served, and a page whose nav and prev/next link it. */
export interface ServedTarget {
  root: string;
  output: string;
  page: string;
  url: string;
  neighbourUrl: string;
}

const RUN_COMPILED = fileURLToPath(new URL("../src/cli/run-compiled.mjs", import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Fetches `url` every few milliseconds until its body contains `text`; the time it took from `since`. */
async function servedWith(url: string, text: string, since: number, timeoutMs: number): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    try {
      const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(5000) });
      if ((await response.text()).includes(text)) return performance.now() - since;
    } catch {
      // Not listening yet, or restarting.
    }
    await sleep(5);
  }
  throw new Error(`${url} never served "${text}" within ${timeoutMs} ms`);
}

/** Quiet time after a build's summary line before the server may count as idle. */
const IDLE_MS = 500;

/**
 * The CPU time a process has used, in clock ticks (/proc/<pid>/stat: utime + stime). A
 * rebuild queued behind another prints nothing until it ends, so the summary lines alone
 * cannot tell that none runs; a server whose CPU time stands still can.
 */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** How long, and within how many clock ticks (of 10 ms), the server's CPU time must stand still to count as idle. */
const CPU_QUIET_MS = 300;
const CPU_QUIET_TICKS = 2;

/** Counts `npm start`'s summary lines (`[dev] … written in …`, `[dev] build failed …`): one per finished build. */
function buildsEnded(child: ChildProcess): { count: number; lastAt: number } {
  const state = { count: 0, lastAt: performance.now() };
  let pending = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      if (/^\[dev\] (?:.* written in |build failed)/.test(line)) {
        state.count++;
        state.lastAt = performance.now();
      }
    }
  });
  return state;
}

/** Stops the session's whole process group as Ctrl-C would, and waits for it. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * One session: `edits` body edits (a paragraph appended), then `edits` title edits, each
 * timed until served. The first body edit is untimed: the watcher may still be scanning
 * deeper folders when the first page is served. The page's text is restored afterwards.
 */
export async function measureServed(target: ServedTarget, edits: number, timeoutMs = 120_000): Promise<ServedRun> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const original = readFileSync(target.page, "utf8");
  // Unique to this session, so text an earlier run left in the output never counts.
  const session = `${process.pid}-${Date.now().toString(36)}`;
  rmSync(target.output, { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [RUN_COMPILED, "src/cli/serve.ts", "--root", target.root, "--output", target.output, "--port", String(port)],
    { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "pipe", "ignore"], detached: true });
  const builds = buildsEnded(child);
  /** Until the rebuilds of the latest save have ended and the server is idle: an author saves again after reading the page. */
  const idle = async (since: number) => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (performance.now() > deadline) throw new Error("npm start never finished the rebuild of an edit");
      if (builds.count > since && performance.now() - builds.lastAt > IDLE_MS) {
        const before = cpuTicks(child.pid!);
        await sleep(CPU_QUIET_MS);
        if (cpuTicks(child.pid!) - before <= CPU_QUIET_TICKS) return;
      } else {
        await sleep(20);
      }
    }
  };
  try {
    const title = /^title: (".*")$/m.exec(original)?.[1];
    if (!title) throw new Error(`${target.page} has no quoted title line to edit`);
    // The server answers (its 404 page) before the first build is written: wait for the page itself.
    const startMs = await servedWith(base + target.url, JSON.parse(title) as string, started, timeoutMs);
    // Two warm-up saves, each saved again until it shows: an edit before the watcher covers
    // the file is never seen, and the first may have been read by the first build itself.
    let text = original;
    for (const warmUp of [1, 2]) {
      text += `\n\nWarm-up edit ${warmUp} ${session} for the dev-loop benchmark.\n`;
      for (let served = false; !served;) {
        writeFileSync(target.page, text);
        served = await servedWith(base + target.url, `Warm-up edit ${warmUp} ${session}`, performance.now(), 3000).then(() => true, () => false);
      }
    }
    const timed: ServedEdit[] = [];
    await idle(0);
    for (let i = 1; i <= edits; i++) {
      const marker = `Served edit ${i} (${session}) for the dev-loop benchmark.`;
      text += `\n\n${marker}\n`;
      const [saved, since] = [performance.now(), builds.count];
      writeFileSync(target.page, text);
      timed.push({ kind: "body", ms: await servedWith(base + target.url, marker, saved, timeoutMs) });
      await idle(since);
    }
    for (let i = 1; i <= edits; i++) {
      const newTitle = `Renamed ${i} (${session}) for the benchmark`;
      text = text.replace(/^title: .*$/m, `title: "${newTitle}"`);
      const [saved, since] = [performance.now(), builds.count];
      writeFileSync(target.page, text);
      timed.push({ kind: "title", ms: await servedWith(base + target.neighbourUrl, newTitle, saved, timeoutMs) });
      await idle(since);
    }
    return { startMs, edits: timed };
  } finally {
    await stop(child);
    writeFileSync(target.page, original);
  }
}
