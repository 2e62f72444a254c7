/**
 * `npm run build` as a deploy sees it: `_site` is exactly the latest complete build. A
 * deleted page leaves the output and the search index, a failed or killed build leaves
 * the previous site untouched, and the command leaves no helper process behind.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { projectRoot, TEST_SITE_URL } from "../helpers/eleventy.ts";
import { searchSite } from "../helpers/pagefind-search.ts";
import { processesInGroup } from "../helpers/process-group.ts";

const clean = fileURLToPath(new URL("../check/corpus-clean/", import.meta.url));
const buildCli = join(projectRoot, "src/cli/build.ts");
/** A production build needs the public URL, as CI passes it. */
const env = { ...process.env, SITE_URL: TEST_SITE_URL };

function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), "build-cli-"));
  cpSync(clean, root, { recursive: true });
  return root;
}

function build(root: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", buildCli, "--root", root, ...args], { cwd: projectRoot, encoding: "utf8", env });
}

/** Folders a build made beside `_site`. */
const buildFolders = (root: string) => readdirSync(root).filter((name) => name.startsWith("_site.build-"));

/** Every file under a folder with its bytes, for "untouched" comparisons. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), "base64")]));
}

const thirdPage = `---
layout: page.njk
lang: en
slug: third
title: "Third page"
summary: "About zebrafish"
permalink: "/en/guides/third/"
---

Zebrafish swim in this page only.
`;

describe("src/cli/build.ts", () => {
  test("a page deleted from content/ leaves the output and the search index", async () => {
    const root = fixture();
    writeFileSync(join(root, "content/en/guides/third.md"), thirdPage);
    const first = build(root);
    expect(first.status, first.stderr).toBe(0);
    const site = join(root, "_site");
    expect(existsSync(join(site, "en/guides/third/index.html"))).toBe(true);
    expect((await searchSite(site, "en", "zebrafish")).map((r) => r.url)).toEqual(["/en/guides/third/"]);

    rmSync(join(root, "content/en/guides/third.md"));
    const second = build(root);
    expect(second.status, second.stderr).toBe(0);
    expect(existsSync(join(site, "en/guides/third/index.html"))).toBe(false);
    expect(existsSync(join(site, "en/guides/first/index.html"))).toBe(true);
    expect(await searchSite(site, "en", "zebrafish")).toEqual([]);
    // The previous build's folder went with it.
    expect(buildFolders(root)).toEqual([readlinkSync(site)]);
  });

  test("a build into the spare of an earlier site publishes exactly what a build into an empty folder does", () => {
    const root = fixture();
    writeFileSync(join(root, "content/en/guides/third.md"), thirdPage);
    const image = join(root, "content/en/guides/shot.png");
    cpSync(fileURLToPath(new URL("../media/fixtures/site/content/img/shot.png", import.meta.url)), image);
    writeFileSync(join(root, "workflows/guides/first/extra.json"), readFileSync(join(root, "workflows/guides/first/flow.json")));
    expect(build(root).status).toBe(0);
    expect(build(root).status).toBe(0);
    // The first build's folder is the spare, holding the third page, the image, the extra workflow.
    expect(readdirSync(join(root, "_site.spare/en/guides"))).toContain("third");
    rmSync(join(root, "content/en/guides/third.md"));
    rmSync(image);
    rmSync(join(root, "workflows/guides/first/extra.json"));
    const third = build(root);
    expect(third.status, third.stderr).toBe(0);
    expect(build(root, "--output", "_fresh").status).toBe(0);
    const site = snapshot(join(root, "_site"));
    expect(site.has("/workflows/guides/first/flow.json")).toBe(true);
    expect(site.has("/en/guides/third/index.html")).toBe(false);
    const fresh = snapshot(join(root, "_fresh"));
    // The names first: a mismatch then reads as paths, not as pages of base64.
    expect([...site.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [path, bytes] of site) expect(bytes, path).toBe(fresh.get(path));
  });

  test("a failing build prints the findings and leaves the previous site untouched", () => {
    const root = fixture();
    expect(build(root).status).toBe(0);
    const site = join(root, "_site");
    const before = { target: readlinkSync(site), files: snapshot(site) };

    writeFileSync(join(root, "workflows/guides/first/new.json"), "{}");
    writeFileSync(join(root, "content/en/guides/second.md"), readFileSync(join(root, "content/en/guides/second.md"), "utf8") + "\nSee [nothing](/en/guides/nope/).\n");
    const failed = build(root);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^content\/en\/guides\/second\.md:\d+:\d+: error: .*\(links\/broken\)$/m);
    expect(failed.stderr).toContain("1 error, 0 warnings in 10 files");
    expect(readlinkSync(site)).toBe(before.target);
    expect(snapshot(site)).toEqual(before.files);
    // Nothing was copied anywhere: no folder of the failed build remains.
    expect(buildFolders(root)).toEqual([before.target]);
  });

  test("without SITE_URL the build fails with the site URL finding printed, not just a count", () => {
    const root = fixture();
    // This project's settings, whose url is the placeholder a production build refuses.
    cpSync(join(projectRoot, "content/_data/site.json"), join(root, "content/_data/site.json"));
    const result = spawnSync(process.execPath, ["--import", "tsx", buildCli, "--root", root], { cwd: projectRoot, encoding: "utf8", env: { ...process.env, SITE_URL: "" } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^content\/_data\/site\.json:\d+:\d+: error: .*SITE_URL/m);
    expect(existsSync(join(root, "_site"))).toBe(false);
  });

  test("SIGKILL in the middle of a build leaves the previous site; the next build cleans up", async () => {
    const root = fixture();
    expect(build(root).status).toBe(0);
    const site = join(root, "_site");
    const before = { target: readlinkSync(site), files: snapshot(site) };

    const child = spawn(process.execPath, ["--import", "tsx", buildCli, "--root", root], { cwd: projectRoot, stdio: "ignore", detached: true, env });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Kill once the new build has written something into its folder.
    const writing = () => buildFolders(root).some((name) => name !== before.target && readdirSync(join(root, name)).length > 0);
    const deadline = Date.now() + 60_000;
    while (!writing() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(writing()).toBe(true);
    process.kill(-child.pid!, "SIGKILL");
    await exited;

    expect(readlinkSync(site)).toBe(before.target);
    expect(snapshot(site)).toEqual(before.files);
    expect(buildFolders(root).length).toBe(2);
    expect(build(root).status).toBe(0);
    expect(buildFolders(root)).toEqual([readlinkSync(site)]);
  });

  test("npm run build exits with no process left in its process group", async () => {
    const root = fixture();
    const child = spawn("npm", ["run", "-s", "build", "--", "--root", root], { cwd: projectRoot, stdio: "ignore", detached: true, env });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(processesInGroup(child.pid!)).toEqual([]);
  });
});
