import { gzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { bundleAssets } from "../../src/build/bundle-assets.ts";
import { projectRoot } from "../helpers/eleventy.ts";

/** The budget for the stylesheet every page loads (issue #21). */
const CSS_BUDGET_GZIP = 10 * 1024;

test(`the bundled stylesheet is at most ${CSS_BUDGET_GZIP / 1024} KB gzipped`, async () => {
  const css = (await bundleAssets(projectRoot)).find((asset) => asset.path.endsWith(".css"))!;
  const size = gzipSync(css.contents, { level: 9 }).length;
  console.info(`${css.path}: ${css.contents.length} bytes, ${size} bytes gzipped`);
  expect(size).toBeGreaterThan(1024); // the real stylesheet, not an empty bundle
  expect(size).toBeLessThanOrEqual(CSS_BUDGET_GZIP);
});
