/** `npm run i18n:status`: the table, and `--stamp` closing the outdated → translated loop. */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { validateSite } from "../helpers/render.ts";
import { projectRoot } from "../helpers/eleventy.ts";

const clean = fileURLToPath(new URL("../check/corpus-clean/", import.meta.url));

function status(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/i18n-status.ts", "--root", root, ...args], { cwd: projectRoot, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("src/cli/i18n-status.ts", () => {
  test("prints every page × language: translated, outdated, missing", () => {
    const root = mkdtempSync(join(tmpdir(), "i18n-status-"));
    cpSync(clean, root, { recursive: true });
    appendFileSync(join(root, "content/ja/guides/second.md"), "\n追記。\n");
    rmSync(join(root, "content/en/about.md"));
    const result = status(root);
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      "page           ja      en",
      "about          source  missing",
      "guides/first   source  translated",
      "guides/index   source  translated",
      "guides/second  source  outdated",
      "index          source  translated",
      "",
      "5 pages: 3 translated, 1 outdated, 0 unstamped, 1 missing",
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(status(root, "--json").stdout)).toContainEqual({ page: "guides/second", ja: "source", en: "outdated" });
  });

  test("--stamp records the source's current hash, so the check stops calling it outdated", () => {
    const root = mkdtempSync(join(tmpdir(), "i18n-status-"));
    cpSync(clean, root, { recursive: true });
    appendFileSync(join(root, "content/ja/guides/second.md"), "\n追記。\n");
    const check = () => validateSite(root).map((d) => d.rule);
    expect(check()).toEqual(["i18n/outdated"]);
    const stamped = status(root, "--stamp", "content/en/guides/second.md");
    expect(stamped.stdout).toMatch(/^stamped content\/en\/guides\/second\.md: translation of content\/ja\/guides\/second\.md at [0-9a-f]{12}\n$/);
    expect(check()).toEqual([]);
  });

  test("a freshly scaffolded translation is a stub until its text changes", () => {
    const root = mkdtempSync(join(tmpdir(), "i18n-status-"));
    cpSync(clean, root, { recursive: true });
    const scaffold = spawnSync(process.execPath, ["--import", "tsx", "src/cli/new-page.ts", "--root", root, "guides", "third"], { cwd: projectRoot, encoding: "utf8" });
    expect(scaffold.status).toBe(0);
    const row = () => (JSON.parse(status(root, "--json").stdout) as Array<{ page: string }>).find((r) => r.page === "guides/third");
    expect(row()).toEqual({ page: "guides/third", ja: "source", en: "stub" });
    expect(status(root).stdout).toContain("6 pages: 1 stub, 5 translated, 0 outdated, 0 unstamped, 0 missing");
    // Translating the page (its text changes, the source did not): no longer a stub.
    const en = join(root, "content/en/guides/third.md");
    writeFileSync(en, readFileSync(en, "utf8").replace('title: "third"', 'title: "Third page"'));
    expect(row()).toEqual({ page: "guides/third", ja: "source", en: "translated" });
  });

  test("--stamp refuses a file that is not a translation", () => {
    const root = mkdtempSync(join(tmpdir(), "i18n-status-"));
    cpSync(clean, root, { recursive: true });
    const result = status(root, "--stamp", "content/ja/guides/second.md");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is not a translation");
  });
});
