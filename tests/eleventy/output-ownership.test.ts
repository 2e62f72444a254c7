/**
 * Eleventy owns every output file it can: pages, generated files and the bundles are its
 * templates, the site's static assets its passthrough copy. Two writers stay outside it,
 * on purpose: Pagefind writes `pagefind/`, and files published as they are, the authors'
 * images and workflows and the drawn previews, are hard links made by
 * src/build/published-files.ts: Eleventy's passthrough copy would publish a symlink as it
 * is (and serve what it points to under `--serve`), and it writes every byte again on
 * every build.
 */
import { cpSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { previewsCacheDir } from "../../src/eleventy/workflows.ts";
import { makeEleventy, TEST_SITE_URL } from "../helpers/eleventy.ts";

const clean = fileURLToPath(new URL("../check/corpus-clean/", import.meta.url));

interface PassthroughResult {
  map: Record<string, string>;
}

/** Every file under `dir`, relative to it, with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

describe("a build of the clean corpus", async () => {
  const root = mkdtempSync(join(tmpdir(), "ownership-"));
  cpSync(clean, root, { recursive: true });
  cpSync(join(root, "workflows/guides/first/flow.json"), join(root, "content/en/guides/picture.png")); // any published file
  const output = mkdtempSync(join(tmpdir(), "ownership-out-"));
  const elev = await makeEleventy(root, output, { siteUrl: TEST_SITE_URL });
  const [passthrough, templates] = (await elev.write()) as [PassthroughResult[], Array<{ outputPath: string | false } | undefined>];
  const own = (path: string) => relative(output, resolve(path)).split(sep).join("/");
  const byTemplates = new Set(templates.flat().flatMap((r) => (r && typeof r.outputPath === "string" ? [own(r.outputPath)] : [])));
  // A passthrough entry maps a source (file or folder) to its place in the output.
  const byPassthrough = passthrough.flatMap((r) => Object.values(r.map)).map(own);
  const copiedByEleventy = (file: string) => byPassthrough.some((target) => file === target || file.startsWith(`${target}/`));

  test("the bundles are Eleventy's templates, under content-hashed names", () => {
    expect([...byTemplates].filter((f) => f.startsWith("assets/")).sort()).toEqual([
      expect.stringMatching(/^assets\/css\/site\.[0-9a-f]{10}\.css$/),
      expect.stringMatching(/^assets\/js\/main\.[0-9a-f]{10}\.js$/),
    ]);
  });

  test("every other file is Eleventy's, but for Pagefind's index and the files published as they are", () => {
    const outside = filesUnder(output).filter((f) => !byTemplates.has(f) && !copiedByEleventy(f));
    expect(outside.filter((f) => !f.startsWith("pagefind/"))).toEqual([
      "en/guides/picture.png",
      "workflow-previews/guides/first/flow.svg",
      "workflows/guides/first/flow.json",
    ]);
    expect(outside.some((f) => f.startsWith("pagefind/"))).toBe(true);
  });

  test("those are hard links to the authors' files and the drawn preview: no byte written again", () => {
    const sameFile = (published: string, source: string) => {
      const [a, b] = [statSync(join(output, published)), statSync(source)];
      return a.size > 0 && a.dev === b.dev && a.ino === b.ino;
    };
    expect(sameFile("en/guides/picture.png", join(root, "content/en/guides/picture.png"))).toBe(true);
    expect(sameFile("workflows/guides/first/flow.json", join(root, "workflows/guides/first/flow.json"))).toBe(true);
    expect(sameFile("workflow-previews/guides/first/flow.svg", join(previewsCacheDir(root), "workflow-previews/guides/first/flow.svg"))).toBe(true);
  });
});
