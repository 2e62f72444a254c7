import { describe, expect, test } from "vitest";
import { typeFromInputName } from "../../src/workflow/link-colors.ts";

describe("typeFromInputName", () => {
  test.each([
    ["model", "MODEL"],
    ["conditioning_to", "CONDITIONING"],
    ["conditioning_from", "CONDITIONING"],
    ["image1", "IMAGE"],
    ["image_2", "IMAGE"],
    ["IMAGES", "IMAGE"],
    ["samples_12", "LATENT"],
    ["image_1_2", "*"],
    ["seed", "*"],
    ["", "*"],
  ])("%s → %s", (name, type) => expect(typeFromInputName(name)).toBe(type));

  // `\d+$` tried from every digit made this quadratic (300,000 digits took 28 s).
  test("a name of 300,000 digits, and one of 300,000 digits after `image_`, in linear time", () => {
    expect(typeFromInputName("1".repeat(300_000))).toBe("*");
    expect(typeFromInputName("image_" + "7".repeat(300_000))).toBe("IMAGE");
  }, 10_000); // milliseconds when linear; the project's 60 s default is for Eleventy builds
});
