import { describe, expect, test } from "vitest";
import { escapeXml, fitText, textWidth, wrapText } from "../../src/workflow/svg-text.ts";

describe("escapeXml", () => {
  test("escapes markup and quotes", () => {
    expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe("&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
  });

  test("replaces characters XML cannot hold", () => {
    expect(escapeXml("a\u0000b\u001Fc\uD800d")).toBe("a\uFFFDb\uFFFDc\uFFFDd");
    expect(escapeXml("😀 ok\n")).toBe("😀 ok\n");
  });
});

describe("fitting text", () => {
  test.each([["M", 0.68], [" ", 0.68], ["i", 0.3], ["(", 0.3], ["a", 0.56], ["~", 0.56], ["é", 0.56], ["あ", 1], ["🙂", 1]])(
    "%j is estimated at %f em",
    (char, ems) => expect(textWidth(char, 10)).toBeCloseTo(ems * 10, 10),
  );

  test("CJK characters are counted wider than Latin ones", () => {
    expect(textWidth("あいう", 10)).toBeGreaterThan(textWidth("abc", 10));
  });

  test("fitText keeps short text and cuts long text with an ellipsis", () => {
    expect(fitText("KSampler", 200, 14)).toBe("KSampler");
    const cut = fitText("CLIP Text Encode (Prompt)", 100, 14);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 14)).toBeLessThanOrEqual(100);
  });

  test("wrapText breaks at spaces and cuts what does not fit the last line", () => {
    expect(wrapText("CLIP Text Encode (Positive Prompt)", 190, 14, 2)).toEqual(["CLIP Text Encode", "(Positive Prompt)"]);
    const lines = wrapText("one two three four five six seven eight", 80, 14, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("…")).toBe(true);
    expect(wrapText("Short", 190, 14, 2)).toEqual(["Short"]);
  });
});
