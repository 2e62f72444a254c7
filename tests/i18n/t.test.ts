import { describe, expect, test } from "vitest";
import { LOCALES } from "../../src/i18n/locales.ts";
import { defaultLang, isLocale, langOrDefault, localeCodes, localeOf } from "../../src/i18n/locale.ts";
import { t, uiStringsFor } from "../../src/i18n/t.ts";

describe("locales", () => {
  test("ja is the default, en the second", () => {
    expect(localeCodes()).toEqual(["ja", "en"]);
    expect(defaultLang()).toBe("ja");
    expect(localeOf("en")).toMatchObject({ code: "en", label: "English", htmlLang: "en", ogLocale: "en_US" });
  });

  test("unknown codes fall back to the default without throwing", () => {
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(langOrDefault("fr")).toBe("ja");
    expect(localeOf(42).code).toBe("ja");
  });

  test("every locale has every key, none empty", () => {
    const keys = Object.keys(LOCALES[0]!.strings).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(locale.strings).sort(), locale.code).toEqual(keys);
      for (const [key, value] of Object.entries(locale.strings)) expect(value.trim(), `${locale.code} ${key}`).not.toBe("");
    }
  });

  test("placeholders are the same in every locale", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(LOCALES[0]!.strings)) {
      for (const locale of LOCALES) expect(names(locale.strings[key as keyof typeof locale.strings]), `${locale.code} ${key}`).toEqual(names(value));
    }
  });
});

describe("t", () => {
  test("reads a key in a language and fills placeholders", () => {
    expect(t("ja", "site.title")).toBe("ComfyUI ガイド");
    expect(t("en", "head.title", { page: "LoRA", site: "ComfyUI Guide" })).toBe("LoRA | ComfyUI Guide");
  });

  test("throws for a language with no strings", () => {
    expect(() => t("fr", "site.title")).toThrow('no UI strings for language "fr"');
  });
});

describe("uiStringsFor", () => {
  test("returns every key with the prefix, and only those", () => {
    const strings = uiStringsFor("en", "client.");
    expect(Object.keys(strings).length).toBeGreaterThan(0);
    expect(Object.keys(strings).every((k) => k.startsWith("client."))).toBe(true);
    expect(strings).not.toHaveProperty("site.title");
  });
});
