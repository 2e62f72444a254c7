/**
 * `npm run bench [-- --full --reps 3 --edits 3 --sizes 100,500,2000 --out BENCHMARKS.md]`
 * measures the build and writes BENCHMARKS.md; `-- --profile 200 [--warm]` prints the hot
 * spots of a first build (or, with `--warm`, of the build after it).
 * See README "Benchmarks".
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatPhases } from "./build-phases.ts";
import { formatProfile } from "./cpu-profile.ts";
import { writeReport } from "./report.ts";
import { runBench } from "./run-bench.ts";
import { profileBuild } from "./run-profile.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100,500,2000" },
    full: { type: "boolean", default: false },
    reps: { type: "string", default: "3" },
    edits: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "BENCHMARKS.md" },
    "no-warmup": { type: "boolean", default: false },
    profile: { type: "string" },
    warm: { type: "boolean", default: false },
  },
});

/** A positive integer option, or a clear message naming it. */
function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

const seed = positive("seed", values.seed);
if (values.profile !== undefined) {
  const { ms, phases, summary } = await profileBuild(positive("profile", values.profile), seed, values.warm);
  console.log(`${values.warm ? "second " : ""}build of ${values.profile} pages/lang: ${(ms / 1000).toFixed(2)} s\n\n${formatPhases(phases)}\n\n${formatProfile(summary)}`);
} else {
  const sizes = values.sizes.split(",").map((s) => positive("sizes", s.trim()));
  if (values.full && !sizes.includes(5000)) sizes.push(5000);
  const result = await runBench({
    sizes,
    reps: positive("reps", values.reps),
    edits: positive("edits", values.edits),
    warmup: !values["no-warmup"],
    seed,
    command: ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" "),
    log: (message) => console.error(`[bench] ${message}`),
  });
  const out = resolve(values.out);
  const report = writeReport(out, result);
  console.log(report);
  console.error(`[bench] wrote ${out}`);
}
