/**
 * The compiled start of the CLIs (src/cli/run-compiled.mjs): an entry is bundled once and
 * reused while its files are unchanged, rebuilt when one changes, and each module keeps its
 * own `import.meta.url` inside the bundle.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { compiledDir, compiledEntry, parseCommand } from "../../src/cli/run-compiled.mjs";
import { projectRoot } from "../helpers/eleventy.ts";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "run-compiled-"));
  mkdirSync(join(root, "lib"));
  writeFileSync(join(root, "main.ts"), `import { word, wordUrl } from "./lib/word.ts";\nexport const main: string = word;\nexport const mainUrl = import.meta.url;\nexport { wordUrl };\n`);
  writeFileSync(join(root, "lib/word.ts"), `export const word: string = "first";\nexport const wordUrl = import.meta.url;\n`);
  return root;
}

describe("compiledEntry", () => {
  test("reuses the bundle while its inputs are unchanged and rebuilds it when one changes", async () => {
    const root = project();
    const first = await compiledEntry("main.ts", root);
    const firstWritten = statSync(first).mtimeMs;
    expect(await compiledEntry("main.ts", root)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(firstWritten);
    expect((await import(pathToFileURL(first).href)).main).toBe("first");

    writeFileSync(join(root, "lib/word.ts"), `export const word: string = "second";\nexport const wordUrl = import.meta.url;\n`);
    // Same size would still differ in mtime; make sure the clock moved for the stamp.
    utimesSync(join(root, "lib/word.ts"), new Date(), new Date(Date.now() + 2000));
    const second = await compiledEntry("main.ts", root);
    expect(second).not.toBe(first);
    expect((await import(pathToFileURL(second).href)).main).toBe("second");
  });

  test("a bundle another version of the runner compiled is compiled again", async () => {
    const root = project();
    const first = await compiledEntry("main.ts", root);
    const manifestPath = join(compiledDir(root), "main.ts.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    expect(await compiledEntry("main.ts", root)).toBe(first);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, runner: "an older runner" }));
    const again = await compiledEntry("main.ts", root);
    expect(JSON.parse(readFileSync(manifestPath, "utf8")).runner).toBe(manifest.runner);
    expect((await import(pathToFileURL(again).href)).main).toBe("first");
  });

  test("a manifest that does not record the entry's own stamp (one not made here) is compiled again", async () => {
    const root = project();
    const first = await compiledEntry("main.ts", root);
    const manifestPath = join(compiledDir(root), "main.ts.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    writeFileSync(join(compiledDir(root), "planted.mjs"), `export const main = "planted";\n`);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, bundle: "planted.mjs", inputs: {} }));
    const again = await compiledEntry("main.ts", root);
    expect(again).toBe(first);
    expect((await import(pathToFileURL(again).href)).main).toBe("first");
  });

  test("a compiled file whose bytes are not those its name was hashed from is compiled again, not run", async () => {
    const root = project();
    symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"));
    writeFileSync(join(root, "check.ts"), `import { z } from "zod";\nexport const parsed: string = z.string().parse("real");\n`);
    const bundle = await compiledEntry("check.ts", root);
    const [vendored] = readdirSync(compiledDir(root)).filter((file) => file.startsWith("vendor-zod-"));
    // As a checkout of a branch that commits files of these names under .cache/ would leave them.
    for (const [path, planted] of [[bundle, `export const parsed = "planted";\n`], [join(compiledDir(root), vendored!), `export const z = { string: () => ({ parse: () => "planted" }) };\n`]] as const) {
      const real = readFileSync(path);
      writeFileSync(path, planted);
      expect(await compiledEntry("check.ts", root)).toBe(bundle);
      expect(readFileSync(path).equals(real)).toBe(true);
    }
    expect((await import(pathToFileURL(bundle).href)).parsed).toBe("real");
  });

  test("each module sees its own source file as import.meta.url", async () => {
    const root = project();
    const bundle = await import(pathToFileURL(await compiledEntry("main.ts", root)).href);
    expect(bundle.mainUrl).toBe(pathToFileURL(join(root, "main.ts")).href);
    expect(bundle.wordUrl).toBe(pathToFileURL(join(root, "lib/word.ts")).href);
  });

  test("a stack trace names the TypeScript file and line, and the map does not carry the sources", async () => {
    const root = project();
    writeFileSync(join(root, "lib/fail.ts"), `// line 1\n// line 2\nexport function fail(): never {\n  throw new Error("failed");\n}\n`);
    writeFileSync(join(root, "run.ts"), `import { fail } from "./lib/fail.ts";\nfail();\n`);
    const bundle = await compiledEntry("run.ts", root);
    expect(readFileSync(bundle, "utf8")).not.toContain("// line 2");
    const result = spawnSync(process.execPath, ["--enable-source-maps", bundle], { encoding: "utf8" });
    expect(result.stderr).toContain(`${join(root, "lib/fail.ts")}:4:9`);
  });

  test("zod is bundled into a file of its own, which the bundle imports; a bundle whose file is gone is compiled again", async () => {
    const root = project();
    symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"));
    writeFileSync(join(root, "check.ts"), `import { z } from "zod";\nexport const parsed: number = z.object({ n: z.number() }).parse({ n: 7 }).n;\n`);
    const bundle = await compiledEntry("check.ts", root);
    const vendored = readdirSync(compiledDir(root)).filter((file) => /^vendor-zod-[0-9a-f]{16}\.mjs$/.test(file));
    expect(vendored).toHaveLength(1);
    const code = readFileSync(bundle, "utf8");
    expect(code).toContain(`from "./${vendored[0]}"`);
    expect(code).not.toMatch(/from "zod"|__vendored__/);
    // zod's code is in its own file, not in the bundle (nor in the bundle's source map).
    expect(readFileSync(join(compiledDir(root), vendored[0]!), "utf8")).toContain("ZodObject");
    expect(code).not.toContain("ZodObject");
    expect((await import(pathToFileURL(bundle).href)).parsed).toBe(7);
    expect(await compiledEntry("check.ts", root)).toBe(bundle);

    rmSync(join(compiledDir(root), vendored[0]!));
    const again = await compiledEntry("check.ts", root);
    expect(readdirSync(compiledDir(root))).toContain(vendored[0]);
    expect((await import(`${pathToFileURL(again).href}?again`)).parsed).toBe(7);
    // An entry that imports no vendored package gets no file of it.
    const other = project();
    await compiledEntry("main.ts", other);
    expect(readdirSync(compiledDir(other)).filter((file) => file.startsWith("vendor-"))).toEqual([]);
  });

  test.each([{ flags: [] }, { flags: ["--once"] }])("as a command (flags $flags) it runs the entry with its arguments", ({ flags }) => {
    const result = spawnSync(process.execPath, ["src/cli/run-compiled.mjs", ...flags, "src/cli/check.ts", "--root", "tests/check/corpus-clean"], { cwd: projectRoot, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\b0 errors?\b/);
  });
});

describe("parseCommand", () => {
  test("--once runs the entry without Eleventy's ESM cache buster", () => {
    expect(parseCommand(["--once", "src/cli/build.ts", "--root", "."])).toEqual({
      entry: "src/cli/build.ts", args: ["--root", "."], env: { ELEVENTY_SKIP_ESM_RESOLVER: "1" },
    });
  });

  test("without it (the dev server) the environment is left as it is; --once after the entry is the entry's", () => {
    expect(parseCommand(["src/cli/serve.ts", "--once"])).toEqual({ entry: "src/cli/serve.ts", args: ["--once"], env: {} });
  });

  test("an entry is required", () => {
    expect(() => parseCommand(["--once"])).toThrow(/usage/);
  });
});
