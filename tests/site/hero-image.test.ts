import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { resolveHero } from "../../src/site/hero-image.ts";

// content/_data/media.json knows 0123… (1000×500 png); content/img/shot.png is 64×48.
const root = fileURLToPath(new URL("../media/fixtures/site", import.meta.url));
const page = `${root}/content/ja/s/page.md`;
const resolve = (hero: Parameters<typeof resolveHero>[0]) => resolveHero(hero, root, page);

describe("hero images as authors write them", () => {
  test.each([null, undefined, { image: "" }, { image: "  " }, { gradient: "linear-gradient(#000, #fff)" }, { image: null }])("%j: no image, no problem", (hero) => {
    expect(resolve(hero)).toEqual({ problems: [] });
  });

  test("a Gyazo URL with a recorded size", () => {
    expect(resolve({ image: "https://gyazo.com/0123456789abcdef0123456789abcdef", alt: "graph" })).toEqual({
      image: { src: "https://i.gyazo.com/0123456789abcdef0123456789abcdef.png", alt: "graph", width: 1000, height: 500, sizeKnown: true },
      problems: [],
    });
  });

  test("a Gyazo URL of unknown size is still shown, in the 16:9 box, and warned about like any embed", () => {
    const { image, problems } = resolve({ image: "https://i.gyazo.com/9999999999999999999999999999999c.png" });
    expect(image).toEqual({ src: "https://i.gyazo.com/9999999999999999999999999999999c.png", alt: "", width: 720, height: 405, sizeKnown: false });
    expect(problems).toEqual([expect.objectContaining({ severity: "warning", rule: "media/size-unknown" })]);
  });

  test("a file on the site is sized from the file; an external https image (.webp) is shown in the box", () => {
    expect(resolve({ image: "/img/shot.png" }).image).toMatchObject({ src: "/img/shot.png", width: 64, height: 48, sizeKnown: true });
    expect(resolve({ image: "https://cdn.example/hero.webp" })).toEqual({
      image: { src: "https://cdn.example/hero.webp", alt: "", width: 720, height: 405, sizeKnown: false },
      problems: [],
    });
  });

  test("a missing local file warns and still shows; unsafe or malformed URLs are errors and show nothing", () => {
    const missing = resolve({ image: "/img/nope.webp" });
    expect(missing.image?.src).toBe("/img/nope.webp");
    expect(missing.problems).toEqual([expect.objectContaining({ severity: "warning", rule: "media/local-image" })]);
    expect(resolve({ image: "javascript:alert(1)" })).toEqual({ problems: [expect.objectContaining({ severity: "error", rule: "media/unsafe-url" })] });
    expect(resolve({ image: "https://gyazo.com/abc" })).toEqual({ problems: [expect.objectContaining({ severity: "error", rule: "media/bad-gyazo-id" })] });
  });
});
