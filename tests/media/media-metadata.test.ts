import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadMediaMetadata, parseMediaMetadata, serializeMediaMetadata, writeMediaMetadata } from "../../src/media/media-metadata.ts";

const A = "c2eee3ec1ec36c052a302dc344ff1a69";
const B = "87dc794e1f87940a585696bf82df517d";

describe("parseMediaMetadata", () => {
  test("accepts images and videos", () => {
    const text = JSON.stringify({ [A]: { width: 10, height: 5, type: "image", ext: "png" }, [B]: { width: 8, height: 6, type: "video" } });
    expect(parseMediaMetadata(text, "m.json")).toEqual({
      [A]: { width: 10, height: 5, type: "image", ext: "png" },
      [B]: { width: 8, height: 6, type: "video" },
    });
  });

  test.each([
    ["{", /^m\.json: not valid JSON/],
    [JSON.stringify({ abc: { width: 1, height: 1, type: "image" } }), /^m\.json: abc: is not a Gyazo id \(32 lowercase hex digits\)$/],
    [JSON.stringify({ [A]: { width: 0, height: 1, type: "image" } }), new RegExp(`^m\\.json: ${A}\\.width: `)],
    [JSON.stringify({ [A]: { width: 1, height: 1, type: "audio" } }), new RegExp(`^m\\.json: ${A}\\.type: `)],
    [JSON.stringify({ [A]: { width: 9007199254740991, height: 1, type: "image" } }), new RegExp(`^m\\.json: ${A}\\.width: `)],
    [JSON.stringify({ [A]: { width: 1, height: true, type: "image" } }), new RegExp(`^m\\.json: ${A}\\.height: `)],
    [JSON.stringify({ [A]: { width: 1, height: 1, type: "image", extra: 1 } }), new RegExp(`^m\\.json: ${A}: `)],
    ["[]", /^m\.json: \(root\): /],
  ])("%s is refused with the place of the mistake", (text, message) => {
    expect(() => parseMediaMetadata(text, "m.json")).toThrow(message);
  });
});

describe("loadMediaMetadata", () => {
  test("a missing file is an empty table", () => {
    expect(loadMediaMetadata(join(mkdtempSync(join(tmpdir(), "meta-")), "media.json"))).toEqual({});
  });

  test("is cached, and re-read when the file changes", () => {
    const path = join(mkdtempSync(join(tmpdir(), "meta-")), "media.json");
    writeFileSync(path, JSON.stringify({ [A]: { width: 1, height: 1, type: "image" } }));
    const first = loadMediaMetadata(path);
    expect(loadMediaMetadata(path)).toBe(first);
    writeFileSync(path, JSON.stringify({ [A]: { width: 2, height: 1, type: "image" } }));
    // Same size on disk: only the mtime tells the versions apart.
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(loadMediaMetadata(path)[A]!.width).toBe(2);
  });
});

test("serializeMediaMetadata sorts ids and fields", () => {
  const text = serializeMediaMetadata({
    [B]: { type: "video", height: 6, width: 8 },
    [A]: { ext: "png", type: "image", height: 5, width: 10 },
  });
  expect(text).toBe(
    `{\n  "${B}": {\n    "width": 8,\n    "height": 6,\n    "type": "video"\n  },\n  "${A}": {\n    "width": 10,\n    "height": 5,\n    "type": "image",\n    "ext": "png"\n  }\n}\n`,
  );
});

test("writeMediaMetadata replaces the file and leaves no temporary file", () => {
  const dir = mkdtempSync(join(tmpdir(), "meta-"));
  const path = join(dir, "media.json");
  writeFileSync(path, "{}\n");
  writeMediaMetadata(path, { [A]: { width: 3, height: 2, type: "image", ext: "jpg" } });
  expect(parseMediaMetadata(readFileSync(path, "utf8"), path)).toEqual({ [A]: { width: 3, height: 2, type: "image", ext: "jpg" } });
  expect(readdirSync(dir)).toEqual(["media.json"]);
  expect(existsSync(path)).toBe(true);
});
