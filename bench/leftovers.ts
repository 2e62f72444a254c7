/**
 * Processes a measured command left running when it exited (esbuild's service, a search
 * indexer). Nobody waits for them, so GNU time never sees their CPU or memory; this reads
 * both from Linux's /proc while they live, and ends them after a grace period.
 */
import { readdirSync, readFileSync } from "node:fs";

/** CPU and peak memory of the processes left behind. */
export interface Leftovers {
  count: number;
  cpuMs: number;
  peakRssKb: number;
}

// Linux's USER_HZ: /proc counts CPU time in 1/100 s on every architecture Node runs on.
const TICK_MS = 10;

/** utime + stime (ms) and the peak RSS (KiB) of one process, from its stat and status files. */
export function readUsage(stat: string, status: string): { cpuMs: number; peakRssKb: number } {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // fields 14 and 15 of the file
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
  return { cpuMs: ticks * TICK_MS, peakRssKb: hwm ? Number(hwm[1]) : 0 };
}

/** Pids of the processes in group `pgid` (none where /proc is missing). */
function groupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid; // field 5: pgrp
    } catch {
      return false;
    }
  });
}

/**
 * Follows what is left of group `pgid` until it has exited or `graceMs` passed, then kills
 * it; the last readings of each process are its cost.
 */
export async function followLeftovers(pgid: number, graceMs = 2000): Promise<Leftovers> {
  const last = new Map<number, { cpuMs: number; peakRssKb: number }>();
  const deadline = performance.now() + graceMs;
  for (;;) {
    const members = groupMembers(pgid);
    for (const pid of members) {
      try {
        last.set(pid, readUsage(readFileSync(`/proc/${pid}/stat`, "utf8"), readFileSync(`/proc/${pid}/status`, "utf8")));
      } catch {
        // it exited between the listing and the read; its last reading stands
      }
    }
    if (members.length === 0 || performance.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // already gone
  }
  const usages = [...last.values()];
  return { count: last.size, cpuMs: usages.reduce((t, u) => t + u.cpuMs, 0), peakRssKb: Math.max(0, ...usages.map((u) => u.peakRssKb)) };
}
