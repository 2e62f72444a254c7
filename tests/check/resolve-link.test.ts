import { expect, test } from "vitest";
import { suggestPage } from "../../src/check/resolve-link.ts";

const urls = ["/ja/basics/lora/", "/ja/advanced/lora-training/", "/en/basics/lora/", "/ja/advanced/controlnet/"];

test("did you mean: the same slug in another section of the same language comes first", () => {
  expect(suggestPage("/ja/advanced/lora/", urls)).toBe("/ja/basics/lora/");
  expect(suggestPage("/en/other/lora/", urls)).toBe("/en/basics/lora/");
});

test("else the closest URL by edit distance, or nothing when nothing is close", () => {
  expect(suggestPage("/ja/advanced/controlnt/", urls)).toBe("/ja/advanced/controlnet/");
  expect(suggestPage("/ja/zzz/qqqqqqqqqqqqqqqq/", urls)).toBeUndefined();
});

test("a page that shares only its section with the link is no suggestion", () => {
  const section = ["/en/basic-workflows/sd15-lora/", "/en/basic-workflows/sd15-text2image/"];
  expect(suggestPage("/en/basic-workflows/temp-page/", section)).toBeUndefined();
  expect(suggestPage("/en/basic-workflows/sd15-lorra/", section)).toBe("/en/basic-workflows/sd15-lora/");
});
