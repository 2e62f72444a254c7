import { describe, expect, test } from "vitest";
import { DESCRIPTION_MAX, firstParagraphText, pageDescription } from "../../src/site/description.ts";

describe("page description", () => {
  test("the summary when it has text", () => {
    expect(pageDescription("  Set up LoRA ", "Body", "site")).toBe("Set up LoRA");
  });

  test("else the first paragraph, as plain text: not a heading, image-only line noise, tags or attributes", () => {
    const body = '## Title {#t}\n\n{% mediaRow img="x" %}\n\n**LoRA** adds `style` to\na model {.lead}\n\nSecond.';
    expect(pageDescription("", body, "site")).toBe("LoRA adds style to a model");
    expect(pageDescription(undefined, body, "site")).toBe("LoRA adds style to a model");
  });

  test("else the fallback; a long paragraph is cut at a word", () => {
    expect(pageDescription(null, "## Only a heading\n", "site")).toBe("site");
    const long = firstParagraphText("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(long.endsWith("word…")).toBe(true);
  });
});
