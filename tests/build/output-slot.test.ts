/** The output folder is replaced whole, by one rename, or not at all. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { openOutputSlot, removeStaleBuilds } from "../../src/build/output-slot.ts";

const fresh = () => mkdtempSync(join(tmpdir(), "output-slot-"));

async function publishWith(output: string, file: string, text: string): Promise<string> {
  const slot = openOutputSlot(output);
  writeFileSync(join(slot.staging, file), text);
  slot.publish();
  await slot.removals();
  return slot.staging;
}

describe("openOutputSlot", () => {
  test("publishing points the output at the new build and removes the previous one", async () => {
    const dir = fresh();
    const output = join(dir, "_site");
    const first = await publishWith(output, "a.html", "one");
    expect(lstatSync(output).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(output, "a.html"), "utf8")).toBe("one");
    const second = await publishWith(output, "b.html", "two");
    expect(existsSync(join(output, "a.html"))).toBe(false);
    expect(readFileSync(join(output, "b.html"), "utf8")).toBe("two");
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(dir)).toEqual(["_site", second.slice(dir.length + 1)].sort());
  });

  test("a discarded build leaves the output as it was", async () => {
    const dir = fresh();
    const output = join(dir, "_site");
    const published = await publishWith(output, "a.html", "one");
    const slot = openOutputSlot(output);
    writeFileSync(join(slot.staging, "half.html"), "half");
    slot.discard();
    await slot.removals();
    expect(readlinkSync(output)).toBe(published.slice(dir.length + 1));
    expect(readdirSync(output)).toEqual(["a.html"]);
    expect(existsSync(slot.staging)).toBe(false);
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
