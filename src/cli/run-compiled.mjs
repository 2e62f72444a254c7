// @ts-check
/**
 * Runs one of the project's TypeScript entry points (a CLI, a site config) from a compiled
 * copy, so a start-up does not pay tsx: its loader thread answering every import, and its
 * transform of ~200 files (≈0.35 s of a build's start, BENCHMARKS.md). The entry is
 * bundled once by esbuild (node_modules left external) into `.cache/compiled/`, next to a
 * manifest of every project file that went into it with its size and mtime; a later start
 * reuses the bundle while every one of those files is unchanged, and rebuilds it otherwise.
 * Plain JavaScript, because it is what runs before anything can be compiled.
 * `node src/cli/run-compiled.mjs [--once] src/cli/build.ts [args…]`
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Where a project keeps its compiled entries (git-ignored). */
export const compiledDir = (/** @type {string} */ root) => join(root, ".cache/compiled");

/** @typedef {{ bundle: string, runner: string, inputs: Record<string, [number, number]>, vendored?: string[] }} Manifest */

/**
 * Packages the project imports that are bundled too, each into a file of its own beside
 * the bundles, which they import instead of the package: zod's ESM build is some 95 files,
 * and loading them one at a time took about 0.1 s of every start (BENCHMARKS.md). Without
 * a source map: a stack trace inside zod is not the project's to read. Every other
 * package is left to Node, as are the ones Eleventy imports itself (markdown-it, entities).
 */
const VENDORED = ["zod"];

/** What the entry's bundle imports for a vendored package until that package's own file is written and named. */
const vendorPlaceholder = (/** @type {string} */ name) => `./__vendored__/${name}`;

/** A hash of this file: a bundle compiled by another version of it (other esbuild options) is stale. */
const runnerHash = () => createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);

/** The `[size, mtimeMs]` stamp of a file, or undefined when it is gone. */
function stampOf(/** @type {string} */ file) {
  try {
    const s = statSync(file);
    return /** @type {[number, number]} */ ([s.size, s.mtimeMs]);
  } catch {
    return undefined;
  }
}

/**
 * The manifest's bundle when this runner compiled it and every input, the entry among
 * them, still has its recorded stamp. A manifest not made here (committed to the
 * repository, say, to run a bundle of its own) cannot know the modification time a
 * checkout gave the entry, so it is compiled again instead.
 */
function fresh(/** @type {string} */ root, /** @type {string} */ manifestPath, /** @type {string} */ entry) {
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch {
    return undefined;
  }
  if (manifest.runner !== runnerHash() || !manifest.inputs?.[entry]) return undefined;
  for (const [file, [size, mtime]] of Object.entries(manifest.inputs)) {
    const now = stampOf(join(root, file));
    if (!now || now[0] !== size || now[1] !== mtime) return undefined;
  }
  const dir = compiledDir(root);
  // A file removed meanwhile (an older vendored one, say, after esbuild was upgraded), or
  // one whose bytes are not those its name was hashed from, is compiled again: a branch
  // that commits a file of that name under `.cache/` could otherwise have it run.
  return [manifest.bundle, ...(manifest.vendored ?? [])].every((file) => intact(join(dir, file))) ? join(dir, manifest.bundle) : undefined;
}

/** Whether the compiled file at `path` holds the bytes whose hash its name ends with (`<stem>-<hash>.mjs`). */
function intact(/** @type {string} */ path) {
  const named = /-([0-9a-f]{16})\.mjs$/.exec(path)?.[1];
  try {
    return named !== undefined && createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 16) === named;
  } catch {
    return false;
  }
}

/**
 * A bundle keeps one `import.meta.url` for all its modules; the project's files locate
 * `_includes/` and the project root from their own, so each gets its source file's URL.
 * @type {import("esbuild").Plugin}
 */
const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

/** @type {import("esbuild").Plugin} Imports of a vendored package go to its placeholder, external. */
const vendoredImports = {
  name: "vendored-imports",
  setup(build) {
    const names = new RegExp(`^(${VENDORED.join("|")})$`);
    build.onResolve({ filter: names }, (args) => ({ path: vendorPlaceholder(args.path), external: true }));
  },
};

/**
 * Bundles the vendored package `name` (its named exports, which is how the project imports
 * them) into a file of `dir` named by its hash; returns that name and the files it came from.
 * @param {typeof import("esbuild").build} build
 */
async function compileVendored(build, /** @type {string} */ root, /** @type {string} */ name, /** @type {string} */ dir) {
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(name)};`, resolveDir: root, loader: "js" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "error",
    absWorkingDir: root,
  });
  const code = result.outputFiles[0].contents;
  const file = `vendor-${name}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`;
  writeAtomically(join(dir, file), code);
  removeStale(dir, `vendor-${name}`, file);
  return { file, inputs: Object.keys(result.metafile.inputs) };
}

/** Writes under a temporary name and renames: a start meanwhile sees the old file or the new one, never half of one. */
function writeAtomically(/** @type {string} */ path, /** @type {string | Uint8Array} */ data) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** Bundles `entry` (and the vendored packages it imports) and records its inputs; returns the bundle's path. */
async function compile(/** @type {string} */ root, /** @type {string} */ entry, /** @type {string} */ manifestPath) {
  const { build, stop } = await import("esbuild");
  const dir = compiledDir(root);
  mkdirSync(dir, { recursive: true });
  /** @type {Manifest} */
  const manifest = { bundle: "", runner: runnerHash(), inputs: {}, vendored: [] };
  const record = (/** @type {string[]} */ inputs) => {
    for (const input of inputs) {
      const stamp = stampOf(join(root, input));
      if (stamp) manifest.inputs[input] = stamp;
    }
  };
  let code;
  // esbuild's service is a child process; stopped here so a CLI that never uses esbuild
  // again leaves none behind (the build's asset step starts it afresh).
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      write: false,
      // Where the bundle goes, so that the map's source paths lead back from there.
      outdir: dir,
      metafile: true,
      // Stack traces name the TypeScript files and lines; the sources themselves stay out of
      // the map, which would otherwise hold every file again (half the bundle, and some
      // 14 MB of every start's memory once Node has read the map).
      sourcemap: "inline",
      sourcesContent: false,
      logLevel: "error",
      absWorkingDir: root,
      plugins: [ownImportMetaUrl, vendoredImports],
    });
    record(Object.keys(result.metafile.inputs));
    code = result.outputFiles[0].text;
    for (const name of VENDORED) {
      const placeholder = JSON.stringify(vendorPlaceholder(name));
      if (!code.includes(placeholder)) continue;
      const vendored = await compileVendored(build, root, name, dir);
      record(vendored.inputs);
      manifest.vendored?.push(vendored.file);
      code = code.replaceAll(placeholder, JSON.stringify(`./${vendored.file}`));
    }
  } finally {
    await stop();
  }
  const name = `${basename(entry, ".ts")}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`;
  manifest.bundle = name;
  // A build started meanwhile sees the old files or the new ones, never half of one.
  const bundle = join(dir, name);
  writeAtomically(bundle, code);
  writeAtomically(manifestPath, JSON.stringify(manifest));
  removeStale(dir, basename(entry, ".ts"), name);
  return bundle;
}

/** Older bundles of the same entry, kept an hour for a process that may still be loading one. */
function removeStale(/** @type {string} */ dir, /** @type {string} */ stem, /** @type {string} */ keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const file of readdirSync(dir)) {
    if (file === keep || !file.startsWith(`${stem}-`) || !file.endsWith(".mjs")) continue;
    const path = join(dir, file);
    if ((stampOf(path)?.[1] ?? Infinity) < hourAgo) rmSync(path, { force: true });
  }
}

/**
 * The compiled bundle of a TypeScript file of the project at `root` (this one unless a
 * test passes its own; `entry` relative to it or absolute), compiled first when stale.
 */
export async function compiledEntry(/** @type {string} */ entry, root = projectRoot) {
  const relativeEntry = relative(root, resolve(root, entry));
  const manifestPath = join(compiledDir(root), `${relativeEntry.replaceAll("/", "__")}.json`);
  return fresh(root, manifestPath, relativeEntry) ?? (await compile(root, relativeEntry, manifestPath));
}

/**
 * The command line `[--once] <entry.ts> [args…]`. `--once` says the entry runs Eleventy
 * once and exits (`npm run build`, `npm run check`): it never re-imports a file it changed,
 * so it goes without Eleventy's ESM cache buster, which on Node 20 is a loader thread
 * (`module.register`, Eleventy 3.1) that every later import waits on: about 0.1 s of CPU
 * and of start-up. `ELEVENTY_SKIP_ESM_RESOLVER` is Eleventy's own switch for it; the dev
 * server keeps it.
 */
export function parseCommand(/** @type {string[]} */ argv) {
  const once = argv[0] === "--once";
  const [entry, ...args] = once ? argv.slice(1) : argv;
  if (!entry) throw new Error("usage: node src/cli/run-compiled.mjs [--once] <entry.ts> [args…]");
  return { entry, args, env: once ? { ELEVENTY_SKIP_ESM_RESOLVER: "1" } : {} };
}

// As a command: compile (or reuse) the entry, then run it with the remaining arguments.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entry, args, env } = parseCommand(process.argv.slice(2));
  const bundle = await compiledEntry(entry);
  // The entry parses process.argv as if it had been run itself.
  process.argv = [process.argv[0] ?? "node", resolve(projectRoot, entry), ...args];
  // Before the bundle's imports: Eleventy reads it as its module is first evaluated.
  Object.assign(process.env, env);
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
}
