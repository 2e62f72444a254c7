import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { localImagePath, readLocalImageSize } from "../../src/media/local-image-size.ts";

const root = fileURLToPath(new URL("fixtures/site", import.meta.url));
const page = join(root, "content/ja/s/page.md");

describe("localImagePath", () => {
  test.each([
    ["/img/shot.png", join(root, "content/img/shot.png")],
    ["/img/shot.png?v=2#x", join(root, "content/img/shot.png")],
    ["/img/a%20b.png", join(root, "content/img/a b.png")],
    ["/workflows/s/p/graph.svg", join(root, "workflows/s/p/graph.svg")],
    ["near.png", join(root, "content/ja/s/near.png")],
    ["./near.png", join(root, "content/ja/s/near.png")],
    ["../other/x.png", join(root, "content/ja/other/x.png")],
  ])("%s → file", (src, file) => expect(localImagePath(src, root, page)).toBe(file));

  test.each(["https://example.com/a.png", "//cdn.example.com/a.png", "data:image/png;base64,AA", "#x", "", "%E0%A4%A.png"])("%s is not local", (src) => {
    expect(localImagePath(src, root, page)).toBeNull();
  });

  test("a relative path needs the page", () => {
    expect(localImagePath("near.png", root, undefined)).toBeNull();
  });
});

describe("readLocalImageSize", () => {
  test("reads PNG sizes", () => {
    expect(readLocalImageSize(join(root, "content/img/shot.png"))).toEqual({ width: 64, height: 48 });
    expect(readLocalImageSize(join(root, "content/ja/s/near.png"))).toEqual({ width: 20, height: 50 });
  });

  test("reads SVG sizes", () => {
    const file = join(mkdtempSync(join(tmpdir(), "img-")), "a.svg");
    writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"></svg>');
    expect(readLocalImageSize(file)).toEqual({ width: 120, height: 80 });
  });

  test("explains what is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), "img-"));
    writeFileSync(join(dir, "text.png"), "not an image");
    expect(readLocalImageSize(join(dir, "missing.png"))).toEqual({ error: "file not found" });
    expect(readLocalImageSize(join(dir, "text.png"))).toEqual({ error: expect.stringMatching(/^not a readable image/) });
  });
});
