import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { bundleAssets, hashedPath, type BundledAsset } from "../../src/build/bundle-assets.ts";
import { BundleCache, type BundleEntry } from "../../src/build/bundle-cache.ts";
import { DiskCache } from "../../src/util/disk-cache.ts";
import { projectRoot } from "../helpers/eleventy.ts";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "bundle-cache-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("hashed asset names", () => {
  test("carry 10 hex digits of the content's sha256, and change with it", () => {
    const a = hashedPath("assets/js/main.js", new TextEncoder().encode("a"));
    expect(a).toBe("assets/js/main.ca978112ca.js");
    expect(hashedPath("assets/js/main.js", new TextEncoder().encode("b"))).not.toBe(a);
  });

  test("the project's bundles are published under hashed paths", async () => {
    const assets = await bundleAssets(projectRoot);
    expect(assets.map((a) => a.path)).toEqual([expect.stringMatching(/^assets\/js\/main\.[0-9a-f]{10}\.js$/), expect.stringMatching(/^assets\/css\/site\.[0-9a-f]{10}\.css$/)]);
  });
});

describe("the bundle cache", () => {
  test("reuses a bundle while its inputs are unchanged, and rebundles when an imported file changes", async () => {
    const root = tree({
      "src/client/main.ts": 'import { x } from "./x.ts";\nconsole.log(x);\n',
      "src/client/x.ts": "export const x = 1;\n",
      "src/styles/site.css": '@import "./part.css";\n',
      "src/styles/part.css": "body { color: red; }\n",
    });
    const cache = new BundleCache<BundledAsset>(root);
    const first = await bundleAssets(root, cache);
    expect(cache.counts).toEqual({ hits: 0, misses: 2 });
    const second = await bundleAssets(root, cache);
    expect(cache.counts).toEqual({ hits: 2, misses: 2 });
    expect(second).toEqual(first);
    writeFileSync(join(root, "src/client/x.ts"), "export const x = 2;\n");
    const third = await bundleAssets(root, cache);
    expect(cache.counts).toEqual({ hits: 3, misses: 3 }); // the stylesheet is still cached
    expect(third[0]!.path).not.toBe(first[0]!.path);
    expect(third[1]).toEqual(first[1]);
  });

  test("on disk, the next process reuses the bundles without esbuild, and still sees an edited input", async () => {
    const root = tree({
      "src/client/main.ts": 'import { x } from "./x.ts";\nconsole.log(x);\n',
      "src/client/x.ts": "export const x = 1;\n",
      "src/styles/site.css": "body { color: red; }\n",
    });
    const cacheDir = mkdtempSync(join(tmpdir(), "bundle-disk-"));
    const process = () => new BundleCache<BundledAsset>(root, new DiskCache<BundleEntry<BundledAsset>>(cacheDir, "assets", root));
    const first = await bundleAssets(root, process());
    const next = process();
    expect(await bundleAssets(root, next)).toEqual(first);
    expect(next.counts).toEqual({ hits: 2, misses: 0 });
    writeFileSync(join(root, "src/client/x.ts"), "export const x = 2;\n");
    const edited = process();
    const third = await bundleAssets(root, edited);
    expect(edited.counts).toEqual({ hits: 1, misses: 1 });
    expect(third[0]!.path).not.toBe(first[0]!.path);
    expect(third).toEqual(await bundleAssets(root));
  });
});
