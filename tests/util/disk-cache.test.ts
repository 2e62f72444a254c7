import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { codeVersion, DiskCache } from "../../src/util/disk-cache.ts";

const freshDir = () => mkdtempSync(join(tmpdir(), "disk-cache-"));
const entries = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();

describe("DiskCache", () => {
  test("a value written by one process is read by the next, Sets, Maps and bytes included", () => {
    const dir = freshDir();
    const value = { html: "<p>あ</p>", ids: new Set(["a", "b"]), byId: new Map([["x", 1]]), bytes: new Uint8Array([1, 2, 3]) };
    const first = new DiskCache<typeof value>(dir, "bodies", "/site");
    const key = first.keyOf("page.md", "body");
    expect(first.get(key)).toBeUndefined();
    first.set(key, value);
    const next = new DiskCache<typeof value>(dir, "bodies", "/site");
    expect(next.get(key)).toEqual(value);
    expect(next.counts).toEqual({ hits: 1, misses: 0 });
  });

  test("keys differ by every part, the namespace and the project", () => {
    const cache = new DiskCache(freshDir(), "bodies", "/site");
    const keys = [
      cache.keyOf("a", "b"),
      cache.keyOf("a", "c"),
      cache.keyOf("ab"),
      cache.keyOf("a\0b"),
      new DiskCache(freshDir(), "workflows", "/site").keyOf("a", "b"),
      new DiskCache(freshDir(), "bodies", "/other").keyOf("a", "b"),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(cache.keyOf("a", "b")).toBe(new DiskCache(freshDir(), "bodies", "/site").keyOf("a", "b"));
    expect(codeVersion()).toMatch(/^[0-9a-f]{40}$/);
  });

  test("a damaged entry is a miss, and a write that cannot happen is skipped", () => {
    const dir = freshDir();
    const cache = new DiskCache<{ a: number }>(dir, "bodies", "/site");
    const key = cache.keyOf("x");
    cache.set(key, { a: 1 });
    const [file] = readdirSync(join(dir, "bodies"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    writeFileSync(join(file!.parentPath, file!.name), "not a serialised value");
    expect(new DiskCache(dir, "bodies", "/site").get(key)).toBeUndefined();
    // The cache folder's place is taken by a file: nothing can be written, nothing throws.
    const blocked = join(freshDir(), "cache");
    writeFileSync(blocked, "");
    const unwritable = new DiskCache<{ a: number }>(blocked, "bodies", "/site");
    expect(() => unwritable.set(key, { a: 1 })).not.toThrow();
    expect(unwritable.get(key)).toBeUndefined();
  });

  test("prune keeps what this process used and deletes the rest", () => {
    const dir = freshDir();
    const before = new DiskCache<number>(dir, "bodies", "/site");
    for (const name of ["a", "b", "c"]) before.set(before.keyOf(name), 1);
    const after = new DiskCache<number>(dir, "bodies", "/site");
    expect(after.get(after.keyOf("a"))).toBe(1);
    after.set(after.keyOf("d"), 2);
    after.prune();
    expect(entries(join(dir, "bodies"))).toEqual([after.keyOf("a"), after.keyOf("d")].sort());
    // No folder is left that holds no entry.
    expect(readdirSync(join(dir, "bodies")).sort()).toEqual([...new Set([after.keyOf("a"), after.keyOf("d")].map((k) => k.slice(0, 2)))].sort());
  });
});
