/** The GitHub Actions workflow keeps its promises: Node matrix, time limits, no double runs, deploy after tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../helpers/eleventy.ts";

interface Job {
  needs?: string | string[];
  "timeout-minutes"?: number;
  if?: string;
  strategy?: { matrix?: { node?: string[] } };
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }>;
}

// gray-matter's YAML reader (a dependency already) parses the workflow as front matter.
const workflow = matter(`---\n${readFileSync(join(projectRoot, ".github/workflows/ci.yml"), "utf8")}\n---\n`).data as {
  on: Record<string, unknown>;
  concurrency: Record<string, unknown>;
  jobs: Record<string, Job>;
};
const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8"));

describe("the CI workflow", () => {
  test("runs once per change: pushes to main, and pull requests", () => {
    expect(workflow.on.push).toEqual({ branches: ["main"] });
    expect(workflow.on).toHaveProperty("pull_request");
    expect(workflow.concurrency).toMatchObject({ group: expect.stringContaining("github.ref") });
  });

  test("every job has a time limit", () => {
    for (const [name, job] of Object.entries(workflow.jobs)) expect(job["timeout-minutes"], name).toBeGreaterThan(0);
  });

  test("tests on the oldest supported Node and the LTS lines, and uploads the screenshots", () => {
    const test = workflow.jobs.test!;
    expect(test.strategy?.matrix?.node).toEqual(["20.19", "22", "24"]);
    expect(pkg.engines.node).toMatch(/^\^20\.19\.0\b/);
    expect(test.strategy?.matrix?.node).toContain(readFileSync(join(projectRoot, ".nvmrc"), "utf8").trim());
    expect(test.steps.some((s) => s.run === "bash .ci/run")).toBe(true);
    expect(test.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))?.with).toMatchObject({ path: "screenshots/" });
  });

  test("deploys to GitHub Pages with the official actions, only after the tests passed", () => {
    const build = workflow.jobs["build-pages"]!;
    const deploy = workflow.jobs["deploy-pages"]!;
    expect(build.needs).toBe("test");
    expect(build.if).toContain("github.event.repository.default_branch");
    expect(build.steps.map((s) => s.uses?.split("@")[0]).filter(Boolean)).toEqual(
      expect.arrayContaining(["actions/configure-pages", "actions/upload-pages-artifact"]),
    );
    const buildStep = build.steps.find((s) => s.run?.startsWith("npm run build"))!;
    // The build starts from what the last deploy's build kept in .cache/, restored before it runs.
    const cache = build.steps.findIndex((s) => s.uses?.startsWith("actions/cache@"));
    expect(cache).toBeGreaterThanOrEqual(0);
    expect(build.steps[cache]!.with).toMatchObject({ path: ".cache", "restore-keys": expect.stringContaining("build-cache-") });
    expect(cache).toBeLessThan(build.steps.indexOf(buildStep));
    expect(buildStep.run).toContain("--pathprefix=");
    expect(buildStep.env?.SITE_URL).toContain("steps.pages.outputs.base_url");
    expect(deploy.needs).toBe("build-pages");
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.steps[0]?.uses).toMatch(/^actions\/deploy-pages@/);
    expect(deploy.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
  });
});
