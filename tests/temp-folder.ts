/**
 * Every test file gets its own temporary folder (`TMPDIR`, which `os.tmpdir()` and the
 * processes a test starts read), removed with everything in it once the file's tests have
 * run: the suite's fixtures, builds and caches do not pile up under /tmp run after run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

// The machine's folder, kept across files that share a worker process.
const machineTemp = (process.env.GUIDE_TESTS_MACHINE_TMPDIR ??= tmpdir());
const folder = mkdtempSync(join(machineTemp, "guide-tests-"));
process.env.TMPDIR = folder;

afterAll(() => {
  process.env.TMPDIR = machineTemp;
  rmSync(folder, { recursive: true, force: true });
});
