/**
 * A build whose renders, workflows and bundles all come from `.cache/` does not load the
 * packages only a render or a bundle uses (src/util/lazy-package.ts): their start-up was
 * ≈85 ms of every build's. The first build loads each of them, which shows the probe sees
 * them at all.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { projectRoot, TEST_SITE_URL } from "../helpers/eleventy.ts";

const clean = fileURLToPath(new URL("../check/corpus-clean/", import.meta.url));
const image = fileURLToPath(new URL("../media/fixtures/site/content/img/shot.png", import.meta.url));

/** The packages, as the path of the CommonJS file each loads first. */
const LAZY = {
  "highlight.js": "/node_modules/highlight.js/lib/core.js",
  "markdown-it-attrs": "/node_modules/markdown-it-attrs/index.js",
  "image-size": "/node_modules/image-size/dist/cjs/index.js",
  esbuild: "/node_modules/esbuild/lib/main.js",
};

// Preloaded into the build: writes the CommonJS modules the process loaded as it exits.
const PROBE = `process.on("exit", () => require("node:fs").writeFileSync(process.env.LOADED_MODULES, Object.keys(require.cache).join("\\n")));`;

/** The packages of {@link LAZY} that a build of `root` loaded. */
function buildLoading(root: string, probe: string): string[] {
  const list = join(root, "loaded.txt");
  // As \`npm run build\` runs it: under tsx, tsx's own esbuild would always be loaded.
  const run = spawnSync(process.execPath, ["--require", probe, join(projectRoot, "src/cli/run-compiled.mjs"), "--once", "src/cli/build.ts", "--root", root], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, SITE_URL: TEST_SITE_URL, LOADED_MODULES: list },
  });
  expect(run.status, run.stderr).toBe(0);
  const loaded = readFileSync(list, "utf8").split("\n");
  return Object.entries(LAZY)
    .filter(([, file]) => loaded.some((path) => path.endsWith(file)))
    .map(([name]) => name);
}

test("a build from .cache/ loads neither the highlighter, markdown-it-attrs, image-size nor esbuild", () => {
  const root = mkdtempSync(join(tmpdir(), "lazy-packages-"));
  cpSync(clean, root, { recursive: true });
  // A page with all four uses: a fenced block, `{…}` attributes, a local image (and the bundles).
  cpSync(image, join(root, "content/img/shot.png"));
  const page = join(root, "content/en/guides/first.md");
  writeFileSync(page, `${readFileSync(page, "utf8")}\n![A shot](/img/shot.png)\n\n\`\`\`bash\necho hi\n\`\`\`\n`);
  const probe = join(root, "probe.cjs");
  writeFileSync(probe, PROBE);

  expect(buildLoading(root, probe).sort()).toEqual(Object.keys(LAZY).sort());
  expect(buildLoading(root, probe)).toEqual([]);
});
