/** `npm run bench -- --profile <n>`: one production build under V8's profiler, hot spots printed. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runChild } from "./child-process.ts";
import { writeCorpus } from "./corpus.ts";
import type { PhaseTime } from "./build-phases.ts";
import { summarizeProfile, type CpuProfile, type ProfileSummary } from "./cpu-profile.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * Builds an `n`-pages-per-language corpus as `npm run build` does (search index included)
 * under `--cpu-prof`: its phases and the profile's hot spots. `warm`: the profiled build is
 * the second, from the `.cache/` the first one left (a first build renders everything).
 */
export async function profileBuild(n: number, seed: number, warm = false): Promise<{ ms: number; phases: PhaseTime[]; summary: ProfileSummary }> {
  const work = mkdtempSync(join(tmpdir(), "bench-profile-"));
  try {
    const root = join(work, "corpus");
    const profiles = join(work, "profiles");
    mkdirSync(root);
    writeCorpus(root, { pagesPerLanguage: n, seed });
    const args = ["--kind", "ours", "--root", root, "--output", join(work, "out"), "--search", "--phases"];
    if (warm) await runChild("build", args, { cwd: root });
    const run = await runChild<{ ms: number; phases: PhaseTime[] }>("build", args, { cwd: root, nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${profiles}`] });
    const file = readdirSync(profiles).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error("node wrote no .cpuprofile");
    const profile = JSON.parse(readFileSync(join(profiles, file), "utf8")) as CpuProfile;
    return { ms: run.ms, phases: run.phases, summary: summarizeProfile(profile, projectRoot.replace(/\/$/, "")) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
