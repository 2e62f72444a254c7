import { describe, expect, test } from "vitest";
import { blankTemplateTags, hasTemplateSyntax, interpolate } from "../../src/check/interpolate.ts";

describe("interpolate", () => {
  const data = { lang: "ja", slug: "a", hero: { image: "/x.png" }, count: 3, multi: "a\nb" };

  test("fills simple variables and dotted paths, as Nunjucks would", () => {
    expect(interpolate("/{{ lang }}/s/{{slug}}/ {{ hero.image }} {{- count -}}", data)).toBe("/ja/s/a/ /x.png 3");
  });

  test("leaves what it cannot know without rendering, and never moves a line", () => {
    const text = "{{ lang | upper }} {{ missing }} {{ multi }}\n{% tag %}";
    expect(interpolate(text, data)).toBe(text);
    expect(hasTemplateSyntax(interpolate(text, data))).toBe(true);
    expect(interpolate("a {## one\ntwo ##} b", data)).toBe("a \n b");
  });
});

describe("blankTemplateTags", () => {
  test("turns tags into spaces of the same length, keeping newlines", () => {
    expect(blankTemplateTags('x {% mediaRow a="{b}" %}\n{{ y }}')).toBe("x " + " ".repeat(22) + "\n" + " ".repeat(7));
  });
});
