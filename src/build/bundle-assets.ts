/** Bundles the reader scripts and the stylesheet with esbuild, in memory. */
import { join } from "node:path";
import { build, type BuildOptions, type BuildResult, type Plugin } from "esbuild";

/** A bundled file and where it goes, relative to the output folder. */
export interface BundledAsset {
  path: string;
  contents: Uint8Array;
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

/**
 * Bundles every entry. Nothing is written: the caller writes the files once the whole
 * build has succeeded. A syntax or type-stripping error rejects with esbuild's message
 * (`file:line:col: ERROR: …`).
 */
export async function bundleAssets(projectRoot: string): Promise<BundledAsset[]> {
  const results = await Promise.all(
    ASSET_ENTRIES.map(async ({ entry, output }) => {
      const result: BuildResult = await build({ ...optionsFor(entry), entryPoints: [join(projectRoot, entry)], outfile: output, absWorkingDir: projectRoot });
      const file = result.outputFiles?.[0];
      if (!file) throw new Error(`esbuild produced no output for ${entry}`);
      return { path: output, contents: file.contents };
    }),
  );
  return results;
}
