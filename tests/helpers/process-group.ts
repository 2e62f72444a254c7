/** Which processes are in a process group (Linux /proc), to prove a command left none behind. */
import { readdirSync, readFileSync } from "node:fs";

/** `pid comm state` of every process, zombies included, whose process group is `pgid`. */
export function processesInGroup(pgid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // `pid (comm) state ppid pgrp …`: comm may hold spaces, so split after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid) found.push(`${entry} ${stat.slice(stat.indexOf("(") , stat.lastIndexOf(")") + 1)} ${state}`);
  }
  return found;
}
