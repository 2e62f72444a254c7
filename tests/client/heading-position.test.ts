import { describe, expect, test } from "vitest";
import { absoluteLink, currentHeadingId } from "../../src/client/heading-position.ts";

describe("currentHeadingId", () => {
  const headings = (tops: number[]) => tops.map((top, i) => ({ id: `h${i}`, top }));

  test.each([
    [[50, 400, 900], 200, "h0"],
    [[-600, -100, 300], 200, "h1"],
    [[-900, -500, -10], 200, "h2"],
    [[250, 700], 200, undefined], // before the first heading
    [[200, 700], 200, "h0"], // exactly on the line counts
  ])("tops %o, line %i → %s", (tops, line, expected) => {
    expect(currentHeadingId(headings(tops), line)).toBe(expected);
  });
});

describe("absoluteLink", () => {
  test("a heading anchor becomes the page URL with its fragment", () => {
    expect(absoluteLink("#トリガーワード", "https://example.org/ja/basic-workflows/sd15-lora/#old")).toBe(
      "https://example.org/ja/basic-workflows/sd15-lora/#%E3%83%88%E3%83%AA%E3%82%AC%E3%83%BC%E3%83%AF%E3%83%BC%E3%83%89",
    );
    expect(absoluteLink("#a", "http://localhost:8080/en/x/?q=1")).toBe("http://localhost:8080/en/x/?q=1#a");
  });
});
