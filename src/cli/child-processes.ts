/**
 * Helper processes the build starts (esbuild's service, Pagefind's indexer, the esbuild
 * service of tsx's loader) outlive a Node process that simply exits: they see their
 * pipe close a moment later and linger, orphaned, in the caller's process group. The
 * CLIs stop them and wait until they are gone before exiting.
 */
import { readdirSync, readFileSync } from "node:fs";
import { stopBundler } from "../build/bundle-assets.ts";
import { shutDownSearchIndexer } from "../build/search-index.ts";

/** Pids of this process's live or unreaped children (Linux /proc; empty elsewhere). */
export function childPids(parent = process.pid): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid …`; comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops the helpers through their own APIs, then waits (up to `timeoutMs`) for every
 * child to be gone, asking those still there to terminate halfway through.
 */
export async function stopChildProcesses(timeoutMs = 3000): Promise<void> {
  await Promise.allSettled([stopBundler(), shutDownSearchIndexer()]);
  const deadline = performance.now() + timeoutMs;
  let asked = false;
  for (let left = childPids(); left.length > 0; left = childPids()) {
    if (performance.now() > deadline) return;
    if (!asked && performance.now() > deadline - timeoutMs / 2) {
      asked = true;
      for (const pid of left) {
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // Already gone.
        }
      }
    }
    await sleep(20);
  }
}
