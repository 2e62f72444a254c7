/**
 * Files published as they are (src/build/published-files.ts): hard links to their
 * sources, made once, never written into, copies across file systems.
 */
import { existsSync, linkSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { syncPublished } from "../../src/build/published-files.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "published-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);
const sameInode = (a: string, b: string) => statSync(a).ino === statSync(b).ino;

test("a file is published as a hard link, once", () => {
  writeFileSync(at("a.json"), "{}");
  const files = new Map([[at("out/workflows/a.json"), at("a.json")]]);
  const before = new Set<string>();
  expect(syncPublished(files, before)).toBe(1);
  expect(sameInode(at("out/workflows/a.json"), at("a.json"))).toBe(true);
  expect(syncPublished(files, before)).toBe(0);
});

test("a source its editor replaced (a new inode) is published again; the old file is not written into", () => {
  writeFileSync(at("a.json"), "old");
  const files = new Map([[at("out/a.json"), at("a.json")]]);
  const before = new Set<string>();
  syncPublished(files, before);
  const old = at("kept-old.json");
  linkSync(at("out/a.json"), old);
  writeFileSync(at("a.json.tmp"), "new");
  renameSync(at("a.json.tmp"), at("a.json"));
  expect(syncPublished(files, before)).toBe(1);
  expect(readFileSync(at("out/a.json"), "utf8")).toBe("new");
  expect(readFileSync(old, "utf8")).toBe("old");
});

test("a target linked to another file is replaced, not written through: that file keeps its bytes", () => {
  writeFileSync(at("a.json"), "a");
  writeFileSync(at("b.json"), "b");
  const before = new Set<string>();
  syncPublished(new Map([[at("out/x.json"), at("a.json")]]), before);
  syncPublished(new Map([[at("out/x.json"), at("b.json")]]), before);
  expect(readFileSync(at("out/x.json"), "utf8")).toBe("b");
  expect(readFileSync(at("a.json"), "utf8")).toBe("a");
});

test("a target no longer published is removed; the others stay", () => {
  writeFileSync(at("a.json"), "a");
  writeFileSync(at("b.json"), "b");
  const before = new Set<string>();
  syncPublished(new Map([[at("out/a.json"), at("a.json")], [at("out/b.json"), at("b.json")]]), before);
  syncPublished(new Map([[at("out/a.json"), at("a.json")]]), before);
  expect(existsSync(at("out/a.json"))).toBe(true);
  expect(existsSync(at("out/b.json"))).toBe(false);
  expect([...before]).toEqual([at("out/a.json")]);
});

// Another file system than the temporary folder's, where one is at hand (tmpfs here).
const otherFs = existsSync("/dev/shm") && statSync("/dev/shm").dev !== statSync(tmpdir()).dev;

test.runIf(otherFs)("across file systems the file is copied, and copied again only when it changed", () => {
  const out = mkdtempSync("/dev/shm/published-out-");
  try {
    writeFileSync(at("a.json"), "{}");
    const files = new Map([[join(out, "a.json"), at("a.json")]]);
    const before = new Set<string>();
    expect(syncPublished(files, before)).toBe(1);
    expect(readFileSync(join(out, "a.json"), "utf8")).toBe("{}");
    expect(syncPublished(files, before)).toBe(0);
    writeFileSync(at("a.json"), '{"changed": true}');
    expect(syncPublished(files, before)).toBe(1);
    expect(readFileSync(join(out, "a.json"), "utf8")).toBe('{"changed": true}');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
