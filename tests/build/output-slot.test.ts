/** The output folder is replaced whole, by one rename, or not at all; the site it replaced is the next build's spare. */
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { openOutputSlot, removeStaleBuilds, spareOf } from "../../src/build/output-slot.ts";

const fresh = () => mkdtempSync(join(tmpdir(), "output-slot-"));

async function publishWith(output: string, file: string, text: string): Promise<string> {
  const slot = openOutputSlot(output);
  await slot.ready();
  writeFileSync(join(slot.staging, file), text);
  slot.publish();
  await slot.removals();
  return slot.staging;
}

describe("openOutputSlot", () => {
  test("publishing points the output at the new build and keeps the previous one as the spare", async () => {
    const dir = fresh();
    const output = join(dir, "_site");
    const first = await publishWith(output, "a.html", "one");
    expect(lstatSync(output).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(output, "a.html"), "utf8")).toBe("one");
    const second = await publishWith(output, "b.html", "two");
    expect(existsSync(join(output, "a.html"))).toBe(false);
    expect(readFileSync(join(output, "b.html"), "utf8")).toBe("two");
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(spareOf(output))).toEqual(["a.html"]);
    expect(readdirSync(dir).sort()).toEqual(["_site", "_site.spare", second.slice(dir.length + 1)].sort());
  });

  test("a build writes into the spare's folders: its files are gone once ready, empty folders at publish", async () => {
    const dir = fresh();
    const output = join(dir, "_site");
    const sources = fresh();
    writeFileSync(join(sources, "flow.json"), "{}");
    const first = openOutputSlot(output);
    for (const name of ["a.html", "deep/er/gone.html", "deep/kept.html", "pagefind/fragment/x.pf_fragment"]) {
      mkdirSync(dirname(join(first.staging, name)), { recursive: true });
      writeFileSync(join(first.staging, name), name);
    }
    linkSync(join(sources, "flow.json"), join(first.staging, "flow.json"));
    first.publish();
    await publishWith(output, "other.html", "two");

    const third = openOutputSlot(output);
    expect(existsSync(spareOf(output))).toBe(false);
    await third.ready();
    // The first site's folders, and none of its files.
    expect(readdirSync(third.staging, { recursive: true }).sort()).toEqual(["deep", "deep/er", "pagefind", "pagefind/fragment"]);
    writeFileSync(join(third.staging, "deep/kept.html"), "new");
    third.publish();
    await third.removals();
    expect(readdirSync(output, { recursive: true }).sort()).toEqual(["deep", "deep/kept.html"]);
    expect(readFileSync(join(output, "deep/kept.html"), "utf8")).toBe("new");
    // A published hard link went from the output, not from its source.
    expect(readFileSync(join(sources, "flow.json"), "utf8")).toBe("{}");
  });

  test("two builds at once: one takes the spare, the other starts from an empty folder", async () => {
    const dir = fresh();
    const output = join(dir, "_site");
    const first = openOutputSlot(output);
    mkdirSync(join(first.staging, "sub"));
    writeFileSync(join(first.staging, "sub/a.html"), "one");
    first.publish();
    await publishWith(output, "b.html", "two");
    const taking = openOutputSlot(output);
    const other = openOutputSlot(output);
    await Promise.all([taking.ready(), other.ready()]);
    // The spare's folder came along; the other build has an empty folder of its own.
    expect(readdirSync(taking.staging)).toEqual(["sub"]);
    expect(readdirSync(other.staging)).toEqual([]);
    taking.publish();
    other.publish();
    await Promise.all([taking.removals(), other.removals()]);
    // The last to publish is the site, the other one the next spare: nothing else is left.
    expect(readlinkSync(output)).toBe(basename(other.staging));
    expect(readdirSync(dir).sort()).toEqual(["_site", "_site.spare", basename(other.staging)].sort());
  });

  test("a discarded build leaves the output as it was; its folder is deleted, the spare with it", async () => {
    const dir = fresh();
    const output = join(dir, "_site");
    await publishWith(output, "a.html", "one");
    const published = await publishWith(output, "b.html", "two");
    const slot = openOutputSlot(output);
    await slot.ready();
    writeFileSync(join(slot.staging, "half.html"), "half");
    slot.discard();
    await slot.removals();
    expect(readlinkSync(output)).toBe(published.slice(dir.length + 1));
    expect(readdirSync(output)).toEqual(["b.html"]);
    expect(existsSync(slot.staging)).toBe(false);
    // The next build starts from an empty folder, whatever made this one fail.
    expect(existsSync(spareOf(output))).toBe(false);
    expect(readdirSync(openOutputSlot(output).staging)).toEqual([]);
  });

  test("a real output folder from before is replaced by the first publish", async () => {
    const dir = fresh();
    const output = join(dir, "_site");
    mkdirSync(output);
    writeFileSync(join(output, "stale.html"), "old");
    await publishWith(output, "a.html", "new");
    expect(readdirSync(output)).toEqual(["a.html"]);
    expect(readdirSync(dir).filter((n) => n !== "_site").length).toBe(1);
  });

  test("stale folders of dead builds go; those of running builds and the published one stay", async () => {
    const dir = fresh();
    const output = join(dir, "_site");
    const published = await publishWith(output, "a.html", "one");
    // pid 2^22 + 1 is above Linux's pid_max: never a running process.
    mkdirSync(join(dir, "_site.build-4194305-abc123"));
    mkdirSync(join(dir, `_site.build-${process.ppid}-live01`));
    mkdirSync(join(dir, "_site-other"));
    expect(await removeStaleBuilds(output)).toEqual(["_site.build-4194305-abc123"]);
    expect(readdirSync(dir).sort()).toEqual(["_site", "_site-other", `_site.build-${process.ppid}-live01`, published.slice(dir.length + 1)].sort());
  });
});
