/** Bundles the reader scripts and the stylesheet with esbuild, in memory, under content-hashed names. */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { BuildOptions, BuildResult, Plugin } from "esbuild";
import type { BundleCache } from "./bundle-cache.ts";

/** A bundled file: its stable name (`assets/js/main.js`) and the hashed path it is published at. */
export interface BundledAsset {
  /** The name templates ask for, e.g. `assets/js/main.js`. */
  name: string;
  /** Where it goes, relative to the output folder: `assets/js/main.<hash>.js`. */
  path: string;
  contents: Uint8Array;
}

/**
 * `assets/js/main.js` → `assets/js/main.<10 hex digits of sha256>.js`: a deploy changes the
 * name of a changed file, so a page never gets an old script from a cache (the headers
 * file marks these names immutable).
 */
export function hashedPath(name: string, contents: Uint8Array): string {
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/** Entry points (relative to the project root) and their published paths. */
export const ASSET_ENTRIES = [
  { entry: "src/client/main.ts", output: "assets/js/main.js" },
  { entry: "src/styles/site.css", output: "assets/css/site.css" },
] as const;

// Browsers that run ES2020 modules; the stylesheet is lowered for the same set.
const CSS_TARGET = ["chrome87", "edge88", "firefox78", "safari14"];

/**
 * Absolute `url(/…)`s in CSS (fonts, images under /assets/) are the site's own URLs, not
 * files to inline. A plain `external: ["/*"]` would also match the resolved paths of
 * `@import`s and leave them unbundled, so only url() tokens are left alone.
 */
const siteUrls: Plugin = {
  name: "site-urls",
  setup(b) {
    b.onResolve({ filter: /^\// }, (args) => (args.kind === "url-token" ? { path: args.path, external: true } : undefined));
  },
};

function optionsFor(entry: string): BuildOptions {
  const common: BuildOptions = { bundle: true, minify: true, write: false, logLevel: "silent", legalComments: "none" };
  if (entry.endsWith(".css")) {
    return { ...common, target: CSS_TARGET, plugins: [siteUrls] };
  }
  return { ...common, format: "esm", target: "es2020", external: ["/pagefind/*"] };
}

let esbuild: Promise<typeof import("esbuild")> | undefined;

/** esbuild, imported at the first bundle a build has to make: a build whose bundles all come from the cache never loads it. */
const loadEsbuild = () => (esbuild ??= import("esbuild"));

/** Stops esbuild's service process, if this process started it (src/cli/child-processes.ts). */
export async function stopBundler(): Promise<void> {
  await (await esbuild)?.stop();
}

/**
 * Bundles every entry. Nothing is written: the caller writes the files once the whole
 * build has succeeded. A syntax or type-stripping error rejects with esbuild's message
 * (`file:line:col: ERROR: …`).
 */
export async function bundleAssets(projectRoot: string, cache?: BundleCache<BundledAsset>): Promise<BundledAsset[]> {
  const results = await Promise.all(
    ASSET_ENTRIES.map(async ({ entry, output }) => {
      const cached = cache?.get(entry);
      if (cached) return cached;
      const { build } = await loadEsbuild();
      const result: BuildResult = await build({
        ...optionsFor(entry),
        entryPoints: [join(projectRoot, entry)],
        outfile: output,
        absWorkingDir: projectRoot,
        metafile: true,
      });
      const file = result.outputFiles?.[0];
      if (!file) throw new Error(`esbuild produced no output for ${entry}`);
      const asset = { name: output, path: hashedPath(output, file.contents), contents: file.contents };
      cache?.set(entry, Object.keys(result.metafile?.inputs ?? {}), asset);
      return asset;
    }),
  );
  return results;
}
