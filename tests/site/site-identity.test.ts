import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  accentColors,
  brandFor,
  hexContrast,
  identityHead,
  identitySchema,
  THEME_BACKGROUNDS,
} from "../../src/site/site-identity.ts";
import { projectRoot } from "../helpers/eleventy.ts";

describe("the default identity", () => {
  const identity = identitySchema.parse({});

  test("adds nothing to a page's head: no style, no font bytes", () => {
    expect(identityHead(identity)).toBe("");
  });

  test("shows the site title in the header", () => {
    expect(brandFor(identity, "ja", "ComfyUI ガイド")).toEqual({ text: "ComfyUI ガイド" });
  });
});

describe("brandFor", () => {
  test("a wordmark replaces the title, per language or for all", () => {
    expect(brandFor(identitySchema.parse({ wordmark: "Comfy" }), "en", "ComfyUI Guide").text).toBe("Comfy");
    const perLang = identitySchema.parse({ wordmark: { ja: "コンフィ" } });
    expect(brandFor(perLang, "ja", "ComfyUI ガイド").text).toBe("コンフィ");
    expect(brandFor(perLang, "en", "ComfyUI Guide").text).toBe("ComfyUI Guide");
  });

  test("a logo comes with its pixel size; beside the title its alt is empty", () => {
    const identity = identitySchema.parse({ logo: { src: "/assets/logo.svg" } });
    expect(brandFor(identity, "en", "ComfyUI Guide", { width: 32, height: 32 })).toEqual({
      text: "ComfyUI Guide",
      logo: { src: "/assets/logo.svg", width: 32, height: 32, alt: "" },
    });
  });

  test("a logo that holds the name replaces the text and carries it as alt", () => {
    const identity = identitySchema.parse({ logo: { src: "/assets/logo.svg", showTitle: false } });
    expect(brandFor(identity, "ja", "ComfyUI ガイド", { width: 120, height: 28 })).toEqual({
      text: "",
      logo: { src: "/assets/logo.svg", width: 120, height: 28, alt: "ComfyUI ガイド" },
    });
  });
});

describe("accentColors", () => {
  test("a single colour is used where it reaches AA and adjusted where it does not", () => {
    const { light, dark } = accentColors("#0a66c2")!;
    expect(light).toBe("#0a66c2");
    expect(dark).not.toBe("#0a66c2");
    for (const bg of THEME_BACKGROUNDS.light) expect(hexContrast(light, bg)).toBeGreaterThanOrEqual(4.5);
    for (const bg of THEME_BACKGROUNDS.dark) expect(hexContrast(dark, bg)).toBeGreaterThanOrEqual(4.5);
  });

  test("a pale accent is darkened for the light theme", () => {
    const { light } = accentColors({ light: "#7fd4ff", dark: "#7fd4ff" })!;
    expect(hexContrast(light, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});

describe("identityHead", () => {
  test("sets the accent of each theme with theme.css's selectors", () => {
    const head = identityHead(identitySchema.parse({ accent: { light: "#8a2be2", dark: "#d0a8ff" } }));
    expect(head).toContain(':root,:root[data-theme="light"]{--accent:#8a2be2}');
    expect(head).toContain(':root[data-theme="dark"]{--accent:#d0a8ff}');
    expect(head).toContain('@media (prefers-color-scheme:dark){:root:not([data-theme="light"]){--accent:#d0a8ff}}');
  });

  test("a heading font is preloaded, swaps, and is applied to headings only", () => {
    const head = identityHead(identitySchema.parse({ headingFont: { family: "Zen Maru", src: "/assets/fonts/h.woff2" } }));
    expect(head).toMatch(/^<link rel="preload" href="\/assets\/fonts\/h\.woff2" as="font" type="font\/woff2" crossorigin><style>/);
    expect(head).toContain('@font-face{font-family:"Zen Maru";src:url(/assets/fonts/h.woff2) format("woff2");font-weight:700;font-display:swap}');
    expect(head).toContain('--font-heading:"Zen Maru",var(--font-sans)');
    expect(head).not.toContain("--font-sans:");
  });
});

describe("the schema refuses what could break out of CSS or HTML", () => {
  test.each([
    { accent: "red;}body{display:none" },
    { accent: { light: "#fff" } },
    { headingFont: { family: 'X"}', src: "/f.woff2" } },
    { headingFont: { family: "X", src: "/f.ttf" } },
    { headingFont: { family: "X", src: "/f.woff2) ; x(" } },
    { logo: { src: "https://elsewhere.example/logo.svg" } },
    { logo: { src: '/a.svg" onerror="x' } },
    { unknown: 1 },
  ])("%j", (value) => {
    expect(identitySchema.safeParse(value).success).toBe(false);
  });
});

test("THEME_BACKGROUNDS are theme.css's page and surface colours", () => {
  const css = readFileSync(join(projectRoot, "src/styles/theme.css"), "utf8");
  const block = (selector: string) => css.slice(css.indexOf(selector)).slice(0, css.slice(css.indexOf(selector)).indexOf("}"));
  for (const [theme, selector] of [["light", ":root, :root[data-theme=\"light\"] {"], ["dark", ':root[data-theme="dark"] {']] as const) {
    const [bg, surface] = THEME_BACKGROUNDS[theme];
    expect(block(selector)).toContain(`--bg: ${bg};`);
    expect(block(selector)).toContain(`--surface: ${surface};`);
  }
});
