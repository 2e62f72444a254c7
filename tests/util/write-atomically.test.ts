import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { writeFileAtomically } from "../../src/util/write-atomically.ts";

describe("writeFileAtomically", () => {
  test("makes the folders a file goes into, and replaces a file whole, leaving no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    const path = join(dir, "a/b/c.txt");
    writeFileAtomically(path, "first");
    expect(readFileSync(path, "utf8")).toBe("first");
    writeFileAtomically(path, new TextEncoder().encode("second"));
    expect(readFileSync(path, "utf8")).toBe("second");
    writeFileAtomically(join(dir, "a/b/d.txt"), "beside it");
    expect(readdirSync(join(dir, "a/b")).sort()).toEqual(["c.txt", "d.txt"]);
  });

  test("an error other than a missing folder is thrown, and nothing is written", () => {
    const dir = mkdtempSync(join(tmpdir(), "atomic-"));
    writeFileSync(join(dir, "file"), "not a folder");
    expect(() => writeFileAtomically(join(dir, "file/inside.txt"), "x")).toThrow(/ENOTDIR/);
    expect(readdirSync(dir)).toEqual(["file"]);
  });
});
