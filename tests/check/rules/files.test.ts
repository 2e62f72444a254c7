import { describe, expect, test } from "vitest";
import { invalidUtf8Offset } from "../../../src/check/rules/files.ts";

describe("invalidUtf8Offset", () => {
  test.each([
    ["ASCII and Japanese", Buffer.from("abc 日本語 😀"), -1],
    ["a Latin-1 é", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), 3],
    ["a truncated sequence at the end", Buffer.from([0x61, 0xe6, 0x97]), 1],
    ["an overlong slash", Buffer.from([0x61, 0xc0, 0xaf]), 1],
    ["a UTF-16 surrogate", Buffer.from([0xed, 0xa0, 0x80]), 0],
    ["a code point above U+10FFFF", Buffer.from([0xf4, 0x90, 0x80, 0x80]), 0],
  ])("%s", (_name, bytes, offset) => expect(invalidUtf8Offset(bytes)).toBe(offset));
});
