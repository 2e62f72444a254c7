import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { localImagePath, MAX_IMAGE_BYTES, readLocalImageSize } from "../../src/media/local-image-size.ts";
import { resolveHero } from "../../src/site/hero-image.ts";

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
    expect(readLocalImageSize(join(root, "content/img/shot.png"), root)).toEqual({ width: 64, height: 48 });
    expect(readLocalImageSize(join(root, "content/ja/s/near.png"), root)).toEqual({ width: 20, height: 50 });
  });

  test("reads SVG sizes", () => {
    const file = join(mkdtempSync(join(tmpdir(), "img-")), "a.svg");
    writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"></svg>');
    expect(readLocalImageSize(file, dirname(file))).toEqual({ width: 120, height: 80 });
  });

  test("explains what is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), "img-"));
    writeFileSync(join(dir, "text.png"), "not an image");
    expect(readLocalImageSize(join(dir, "missing.png"), dir)).toEqual({ error: "file not found" });
    expect(readLocalImageSize(join(dir, "text.png"), dir)).toEqual({ error: expect.stringMatching(/^not a readable image/) });
  });
});

/** The hero's warning, with its image shown unsized: the file was never opened. */
function heroProblem(hero: { image: string }, projectRoot: string, page: string): string | undefined {
  const { image, problems } = resolveHero(hero, projectRoot, page);
  expect(image?.sizeKnown).toBe(false);
  return problems.map((p) => p.message).join("; ");
}
const NOT_OPENED = /\((outside the project|a link to a file outside the project)\)$/;

describe("only regular files inside the project are opened", () => {
  /** A project in a temporary folder, and a real image next to it, outside. */
  function project() {
    const outer = mkdtempSync(join(tmpdir(), "img-outer-"));
    const projectRoot = join(outer, "project");
    mkdirSync(join(projectRoot, "content/ja/s"), { recursive: true });
    copyFileSync(join(root, "content/img/shot.png"), join(outer, "outside.png"));
    copyFileSync(join(root, "content/img/shot.png"), join(projectRoot, "content/inside.png"));
    return { outer, projectRoot, page: join(projectRoot, "content/ja/s/page.md") };
  }

  test("`../../../../outside.png` resolves outside the project and is not opened", () => {
    const { projectRoot, page } = project();
    const file = localImagePath("../../../../outside.png", projectRoot, page)!;
    expect(readLocalImageSize(file, projectRoot)).toEqual({ error: "outside the project" });
    expect(heroProblem({ image: "../../../../outside.png" }, projectRoot, page)).toMatch(NOT_OPENED);
    expect(readLocalImageSize(join(projectRoot, "content/inside.png"), projectRoot)).toEqual({ width: 64, height: 48 });
  });

  test("a symlink in content/ to an image outside the project is not opened", () => {
    const { outer, projectRoot, page } = project();
    symlinkSync(join(outer, "outside.png"), join(projectRoot, "content/ja/s/link.png"));
    expect(readLocalImageSize(join(projectRoot, "content/ja/s/link.png"), projectRoot)).toEqual({ error: "a link to a file outside the project" });
    expect(heroProblem({ image: "link.png" }, projectRoot, page)).toMatch(NOT_OPENED);
  });

  // Reading /dev/zero to its end never finishes: these return at once or hang the test.
  test("/dev/zero, through a path or a symlink, is refused without reading it", () => {
    const { projectRoot, page } = project();
    symlinkSync("/dev/zero", join(projectRoot, "content/ja/s/zero.png"));
    expect(readLocalImageSize("/dev/zero", projectRoot)).toEqual({ error: "outside the project" });
    expect(readLocalImageSize(join(projectRoot, "content/ja/s/zero.png"), projectRoot)).toEqual({ error: "a link to a file outside the project" });
    expect(heroProblem({ image: "zero.png" }, projectRoot, page)).toMatch(NOT_OPENED);
    expect(heroProblem({ image: "../../../../../../../../dev/zero" }, projectRoot, page)).toMatch(NOT_OPENED);
  });

  test("a FIFO inside the project is not opened (opening it would block)", () => {
    const { projectRoot } = project();
    const fifo = join(projectRoot, "content/ja/s/pipe.png");
    execFileSync("mkfifo", [fifo]);
    expect(readLocalImageSize(fifo, projectRoot)).toEqual({ error: "not a regular file" });
    expect(readLocalImageSize(join(projectRoot, "content"), projectRoot)).toEqual({ error: "not a regular file" });
  });

  test("a file above the size cap is refused; a large file under it is sized from its header", () => {
    const { projectRoot } = project();
    const huge = join(projectRoot, "content/huge.png");
    copyFileSync(join(root, "content/img/shot.png"), huge);
    const fd = openSync(huge, "r+");
    ftruncateSync(fd, MAX_IMAGE_BYTES + 1);
    closeSync(fd);
    expect(readLocalImageSize(huge, projectRoot)).toEqual({ error: "larger than 20 MB" });
    const big = join(projectRoot, "content/big.png");
    copyFileSync(join(root, "content/img/shot.png"), big);
    const fd2 = openSync(big, "r+");
    ftruncateSync(fd2, MAX_IMAGE_BYTES - 1);
    closeSync(fd2);
    expect(readLocalImageSize(big, projectRoot)).toEqual({ width: 64, height: 48 });
  });
});
