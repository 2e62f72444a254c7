/** `npm run build` prints each diagnostic once (it printed every one twice: issue #16). */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { projectRoot } from "../helpers/eleventy.ts";
import { page, writeSite } from "../helpers/fixture-site.ts";

test("a failing build through Eleventy's CLI prints each diagnostic exactly once, and exits 1", () => {
  const root = writeSite({
    "content/ja/s/a.md": page({ layout: "page.njk", lang: "ja", slug: "a", title: "A", summary: "s", permalink: "/ja/s/a/" }, "[dead](/ja/s/nowhere/)\n"),
  });
  const result = spawnSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=tests/helpers/fixture-build.config.ts"], {
    cwd: projectRoot,
    env: { ...process.env, FIXTURE_ROOT: root, FIXTURE_OUTPUT: mkdtempSync(join(tmpdir(), "site-out-")) },
    encoding: "utf8",
    timeout: 120_000,
  });
  const output = result.stdout + result.stderr;
  const count = (text: string) => output.split(text).length - 1;
  expect(result.status, output).toBe(1);
  expect(count("content/ja/s/a.md:9:8: error: link to /ja/s/nowhere/ does not match any page (links/broken)"), output).toBe(1);
  expect(count("(nav/orphan-page)"), output).toBe(1);
});
