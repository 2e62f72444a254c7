/** Whole-process measurement: the numbers come from the process, and leftovers are found and ended. No time is asserted. */
import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { measureProcess, parseTimeLine } from "../../bench/child-process.ts";
import { readUsage } from "../../bench/leftovers.ts";

const hasGnuTime = existsSync("/usr/bin/time");

describe("measureProcess", () => {
  test("measures a process and hands back its output", async () => {
    const run = await measureProcess(process.execPath, ["-e", "let x = 0; for (let i = 0; i < 3e7; i++) x += i; console.log('done', x > 0)"], { cwd: "/" });
    expect(run.stdout.trim()).toBe("done true");
    expect(run.wallMs).toBeGreaterThan(0);
    expect(run.leftBehind).toBe(false);
    if (hasGnuTime) {
      expect(run.cpuMs).toBeGreaterThan(0);
      expect(run.peakRssKb).toBeGreaterThan(10 * 1024); // Node itself needs more than 10 MiB
    }
  });

  test("notices a process left running after the command exits, and ends it", async () => {
    const run = await measureProcess("/bin/sh", ["-c", "sleep 30 >/dev/null 2>&1 & echo started"], { cwd: "/" });
    expect(run.stdout.trim()).toBe("started");
    expect(run.leftBehind).toBe(true);
  });

  test.runIf(hasGnuTime && existsSync("/proc/self/stat"))("counts the CPU of a process left running, which GNU time cannot see", async () => {
    // The shell exits at once; the Node it started burns at least 200 ms of CPU on its own.
    const burn = `${process.execPath} -e "const end = process.cpuUsage().user + 2e5; while (process.cpuUsage().user < end);"`;
    const run = await measureProcess("/bin/sh", ["-c", `${burn} >/dev/null 2>&1 & echo started`], { cwd: "/", leftoverGraceMs: 30_000 });
    expect(run.leftBehind).toBe(true);
    expect(run.cpuMs).toBeGreaterThanOrEqual(150);
  });

  test("a failing command is an error with its output", async () => {
    await expect(measureProcess("/bin/sh", ["-c", "echo broken >&2; exit 3"], { cwd: "/" })).rejects.toThrow(/exited with 3:\nbroken/);
  });
});

test("readUsage reads CPU ticks and peak RSS from /proc, whatever the command name holds", () => {
  const stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 500 0 0 0 150 25 0 0 20 0 1 0 100 0 0";
  expect(readUsage(stat, "Name:\tx\nVmHWM:\t  81920 kB\nVmRSS:\t 1000 kB\n")).toEqual({ cpuMs: 1750, peakRssKb: 81920 });
});

test("parseTimeLine reads GNU time's user, system and peak RSS", () => {
  expect(parseTimeLine("Command exited with non-zero status 1\n1.50 0.25 204800\n")).toEqual({ cpuMs: 1750, peakRssKb: 204800 });
  expect(parseTimeLine("garbage")).toBeUndefined();
});
