/** `npm run check` as authors and CI run it: output format, `--json`, exit code. */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../helpers/eleventy.ts";

const clean = fileURLToPath(new URL("../check/corpus-clean/", import.meta.url));

function runCheck(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/check.ts", ...args], { cwd: projectRoot, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, lines: result.stdout.trimEnd().split("\n"), stderr: result.stderr };
}

/** The clean site with one broken link (error) and one image without alt text (warning). */
function brokenSite(): string {
  const root = mkdtempSync(join(tmpdir(), "check-cli-"));
  cpSync(clean, root, { recursive: true });
  appendFileSync(join(root, "content/en/guides/second.md"), "\nSee [nothing](/en/guides/nope/).\n\n<img src=\"https://example.com/a.png\" width=\"1\" height=\"1\">\n");
  return root;
}

describe("src/cli/check.ts", () => {
  test("a clean site: a summary line and exit code 0", () => {
    const run = runCheck("--root", clean);
    expect(run.lines).toEqual(["0 errors, 0 warnings in 10 files"]);
    expect(run.status).toBe(0);
  });

  test("problems: one clickable path:line:col line each, a summary, exit code 1", () => {
    const run = runCheck("--root", brokenSite());
    expect(run.lines).toEqual([
      expect.stringMatching(/^content\/en\/guides\/second\.md:21:15: error: link to \/en\/guides\/nope\/ does not match any page.* \(links\/broken\)$/),
      expect.stringMatching(/^content\/en\/guides\/second\.md:23:1: warning: image https:\/\/example\.com\/a\.png has no alt text.* \(media\/missing-alt\)$/),
      "1 error, 1 warning in 10 files",
    ]);
    expect(run.status).toBe(1);
  });

  test("--json: the same findings for machines, same exit code", () => {
    const run = runCheck("--root", brokenSite(), "--json");
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ errors: 1, warnings: 1, files: 10 });
    expect(report.diagnostics[0]).toEqual({
      file: "content/en/guides/second.md",
      line: 21,
      column: 15,
      severity: "error",
      rule: "links/broken",
      message: expect.stringContaining("/en/guides/nope/"),
    });
    expect(run.status).toBe(1);
  });

  test("--json-file writes the JSON report and keeps the text on stdout", () => {
    const out = join(mkdtempSync(join(tmpdir(), "check-json-")), "report.json");
    const run = runCheck("--root", brokenSite(), "--json-file", out);
    expect(run.lines.at(-1)).toBe("1 error, 1 warning in 10 files");
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ errors: 1, warnings: 1, files: 10 });
    expect(run.status).toBe(1);
  });

  test("npm run -s check -- --json is pipeable: stdout is exactly the JSON", () => {
    const result = spawnSync("npm", ["run", "-s", "check", "--", "--json", "--root", brokenSite()], { cwd: projectRoot, encoding: "utf8" });
    expect(JSON.parse(result.stdout)).toMatchObject({ errors: 1, warnings: 1 });
    expect(result.status).toBe(1);
  });

  test("warnings alone do not fail the check", () => {
    const root = mkdtempSync(join(tmpdir(), "check-cli-"));
    cpSync(clean, root, { recursive: true });
    appendFileSync(join(root, "content/en/guides/second.md"), "\n<img src=\"https://example.com/a.png\" width=\"1\" height=\"1\">\n");
    const run = runCheck("--root", root);
    expect(run.lines.at(-1)).toBe("0 errors, 1 warning in 10 files");
    expect(run.status).toBe(0);
  });
});
