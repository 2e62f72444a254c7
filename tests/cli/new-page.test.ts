/** `npm run new -- <section> <slug>`: scaffolds that pass the check, and refusals that write nothing. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { validateSite } from "../helpers/render.ts";
import { projectRoot } from "../helpers/eleventy.ts";

const clean = fileURLToPath(new URL("../check/corpus-clean/", import.meta.url));

function site(): string {
  const root = mkdtempSync(join(tmpdir(), "new-page-"));
  cpSync(clean, root, { recursive: true });
  return root;
}

function run(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/new-page.ts", "--root", root, ...args], { cwd: projectRoot, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (root: string, path: string) => readFileSync(join(root, path), "utf8");

describe("src/cli/new-page.ts", () => {
  test("--help prints the usage; an unknown option is named, with the usage and no stack trace", () => {
    const root = site();
    const help = run(root, "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run new -- <section> <slug>/);
    const unknown = run(root, "--bogus", "guides", "x");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toMatch(/^error: Unknown option '--bogus'/);
    expect(unknown.stderr).toMatch(/\nusage: npm run new/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  test("creates the page in every language, nav entries and the workflows folder; the result checks clean", () => {
    const root = site();
    const navBefore = read(root, "content/_data/nav/en.json");
    const result = run(root, "guides", "third");
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      "created content/ja/guides/third.md",
      "created content/en/guides/third.md",
      "updated content/_data/nav/ja.json",
      "updated content/_data/nav/en.json",
      "created workflows/guides/third/.gitkeep",
    ]);
    expect(result.status).toBe(0);
    expect(read(root, "content/ja/guides/third.md")).toMatch(/^---\nlayout: page\.njk\nlang: ja\nslug: third\nnavId: third\n/);
    expect(read(root, "content/en/guides/third.md")).toMatch(/\ntranslationOf:\n {2}lang: ja\n {2}hash: "[0-9a-f]{12}"\n---\n/);
    expect(read(root, "content/_data/nav/en.json")).toBe(
      navBefore.replace('[{ "id": "second" }] }\n', '[{ "id": "second" }] },\n        { "id": "third" }\n'),
    );
    expect(existsSync(join(root, "workflows/guides/third/.gitkeep"))).toBe(true);
    expect(validateSite(root)).toEqual([]);
  });

  test("refuses to overwrite an existing page, writing nothing", () => {
    const root = site();
    const navBefore = read(root, "content/_data/nav/ja.json");
    const result = run(root, "guides", "second");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("error: content/ja/guides/second.md already exists");
    expect(read(root, "content/_data/nav/ja.json")).toBe(navBefore);
    expect(existsSync(join(root, "workflows/guides/second"))).toBe(false);
  });

  test("refuses a section no nav declares and a slug that is not lowercase-hyphenated", () => {
    const root = site();
    const unknown = run(root, "extras", "page");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('section "extras"');
    expect(existsSync(join(root, "content/ja/extras"))).toBe(false);
    const bad = run(root, "guides", "Bad_Slug");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('slug "Bad_Slug" must be lowercase letters, digits and hyphens');
  });

  test("--section adds the section to each nav and writes its index pages; the result checks clean", () => {
    const root = site();
    const navBefore = read(root, "content/_data/nav/en.json");
    const result = run(root, "--section", "advanced", "--label", "Advanced");
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      "updated content/_data/nav/ja.json",
      "updated content/_data/nav/en.json",
      "created content/ja/advanced/index.md",
      "created content/en/advanced/index.md",
    ]);
    expect(result.status).toBe(0);
    expect(read(root, "content/_data/nav/en.json")).toBe(
      navBefore.replace(/\n    \}\n  \]/, '\n    },\n    { "id": "advanced", "label": "Advanced", "items": [] }\n  ]'),
    );
    expect(read(root, "content/ja/advanced/index.md")).toMatch(/^---\nlayout: "section\.njk"\nlang: "ja"\nsection: "advanced"\ntitle: "Advanced"\n/);
    expect(validateSite(root)).toEqual([]);
    // A page can go in it right away.
    expect(run(root, "advanced", "first-steps").status).toBe(0);
    expect(validateSite(root)).toEqual([]);
  });

  test("--section refuses a section a nav already has, writing nothing", () => {
    const root = site();
    const navBefore = read(root, "content/_data/nav/ja.json");
    const result = run(root, "--section", "guides", "--label", "Guides");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: content/_data/nav/ja.json already has section "guides"');
    expect(read(root, "content/_data/nav/ja.json")).toBe(navBefore);
  });
});
