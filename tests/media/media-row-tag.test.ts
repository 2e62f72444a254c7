import { describe, expect, test } from "vitest";
import {
  formatMediaRowBlock,
  formatMediaRowTag,
  MEDIA_ROW_OPEN,
  parseImgArgument,
  parseMediaRowArguments,
  validateMediaRowArguments,
} from "../../src/media/media-row-tag.ts";

describe("parseMediaRowArguments", () => {
  test.each([
    [' img="a {gyazo=loop}" alt="b" align="left" width="33" ', { img: "a {gyazo=loop}", alt: "b", align: "left", width: "33" }],
    [' img="a", alt=\'it\\\'s\', width=40', { img: "a", alt: "it's", width: "40" }],
    [' alt="say \\"hi\\"\\nnext"', { alt: 'say "hi"\nnext' }],
    ["", {}],
  ])("%s", (text, args) => expect(parseMediaRowArguments(text)).toEqual(args));

  test.each([" img=url", ' img="a" +', ' "a"', " img="])("%s is refused", (text) => {
    expect(parseMediaRowArguments(text)).toEqual({ error: expect.stringContaining("cannot read mediaRow arguments") });
  });
});

test("formatMediaRowTag writes a line the block rule reads back to the same arguments", () => {
  const args = { img: "https://gyazo.com/x {gyazo=loop}", alt: 'a "quoted" \\ back\nslash %} end', align: "right", width: 33, __keywords: true };
  const line = formatMediaRowTag(args);
  expect(line).not.toContain("\n");
  const m = MEDIA_ROW_OPEN.exec(line);
  expect(m).not.toBeNull();
  expect(parseMediaRowArguments(m![1]!)).toEqual({ img: args.img, alt: args.alt, align: "right", width: "33" });
});

describe("validateMediaRowArguments", () => {
  test("applies defaults", () => {
    expect(validateMediaRowArguments({ img: "https://gyazo.com/x" })).toEqual({
      options: { src: "https://gyazo.com/x", alt: "", align: "left", width: 50 },
      problems: [],
    });
  });

  test("reads the mode from img", () => {
    expect(validateMediaRowArguments({ img: "/a.mp4 {media=player}", align: "right", width: "25" }).options).toEqual({
      src: "/a.mp4",
      mode: { attribute: "media", value: "player" },
      alt: "",
      align: "right",
      width: 25,
    });
  });

  test("lists every problem", () => {
    const { problems } = validateMediaRowArguments({ img: "a b c", align: "top", width: "33.5", height: "2" });
    expect(problems).toEqual([
      'unknown mediaRow argument "height"; valid arguments: img, alt, align, width',
      'mediaRow img "a b c" is not valid; write img="URL" or img="URL {gyazo=image|loop|player}"',
      'mediaRow align "top" is not valid; valid values: left, right',
      'mediaRow width "33.5" is not valid; use a whole percentage from 10 to 90',
    ]);
  });
});

test.each([
  ["https://gyazo.com/x", { src: "https://gyazo.com/x" }],
  ["https://gyazo.com/x {gyazo=loop}", { src: "https://gyazo.com/x", mode: { attribute: "gyazo", value: "loop" } }],
  [" /a.png  { media = image } ", { src: "/a.png", mode: { attribute: "media", value: "image" } }],
  ["https://gyazo.com/x {gyazo=lop}", { src: "https://gyazo.com/x", mode: { attribute: "gyazo", value: "lop" } }],
  // No space before `{`, as the real guide writes it: the same as the spaced form.
  ["https://gyazo.com/x{gyazo=image}", { src: "https://gyazo.com/x", mode: { attribute: "gyazo", value: "image" } }],
  ["https://gyazo.com/x{ media=loop }", { src: "https://gyazo.com/x", mode: { attribute: "media", value: "loop" } }],
])("parseImgArgument(%s)", (value, expected) => expect(parseImgArgument(value)).toEqual(expected));

describe("formatMediaRowBlock", () => {
  test("keeps the body's own line breaks and indentation (a block inside a list item)", () => {
    expect(formatMediaRowBlock({ img: "u" }, "\n  Body\n  ")).toBe('{% mediaRow img="u" %}\n  Body\n  {% endmediaRow %}');
  });

  test("restores line breaks removed by whitespace control", () => {
    expect(formatMediaRowBlock({ img: "u" }, "Body")).toBe('{% mediaRow img="u" %}\nBody\n{% endmediaRow %}');
  });
});
