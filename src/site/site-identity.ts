/**
 * The site's face, set in site.json "identity": a logo or wordmark in the header, an accent
 * colour, and optionally a webfont for headings only. Pure: files are read by the caller.
 */
import { z } from "zod";
import { contrast, parseHex, toHex, withContrast, type Rgb } from "./contrast.ts";

const hexColor = z.string().refine((v) => parseHex(v) !== undefined, "must be a colour like #0a66c2");
/** Text per language code, or one text for every language. */
const perLang = z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]);

/** The "identity" object of site.json; every field optional, the default is the shipped face. */
export const identitySchema = z.strictObject({
  /** Header text in place of the site title (a short name), per language or for all. */
  wordmark: perLang.optional(),
  /** An image in the content folder shown in the header (SVG, PNG, WebP…); sized from the file. */
  logo: z
    .strictObject({
      src: z.string().regex(/^\/[^\s"'<>]+$/, 'must be a site path such as "/assets/logo.svg"'),
      /** false: the image holds the name itself, so it replaces the text (and carries it as alt). */
      showTitle: z.boolean().default(true),
    })
    .optional(),
  /** Links, marks and focus rings; `{ light, dark }` to set each theme, else the dark one is derived. */
  accent: z.union([hexColor, z.strictObject({ light: hexColor, dark: hexColor })]).optional(),
  /** A self-hosted WOFF2 for headings only (subset it: the build refuses files over the budget). */
  headingFont: z
    .strictObject({
      family: z.string().regex(/^[\p{L}\p{N} _-]{1,60}$/u, "must be a font name of letters, digits, spaces, - or _"),
      src: z.string().regex(/^\/[^\s"'<>()]+\.woff2$/, 'must be a site path to a .woff2 file, such as "/assets/fonts/heading.woff2"'),
      weight: z.union([z.number().int().min(100).max(900), z.string().regex(/^\d{3}( \d{3})?$/)]).default(700),
    })
    .optional(),
});

/** The identity as site.json gives it, after defaults. */
export type IdentityConfig = z.infer<typeof identitySchema>;

/** A heading font may add at most this much to a page (one file, loaded once, cached). */
export const HEADING_FONT_MAX_BYTES = 80 * 1024;

/**
 * Page and surface colours of each theme (src/styles/theme.css; a test keeps them equal):
 * the accent is text on both, so it must reach AA (4.5:1) on each.
 */
export const THEME_BACKGROUNDS = {
  light: ["#ffffff", "#f6f8fa"],
  dark: ["#14171b", "#1b1f24"],
} as const;

/** AA contrast for normal text. */
const AA = 4.5;

/** The accent of each theme: the author's colours, darkened or lightened only as far as AA needs. */
export function accentColors(accent: IdentityConfig["accent"]): { light: string; dark: string } | undefined {
  if (!accent) return undefined;
  const given = typeof accent === "string" ? { light: accent, dark: accent } : accent;
  const fit = (hex: string, theme: keyof typeof THEME_BACKGROUNDS) =>
    toHex(withContrast(parseHex(hex)!, THEME_BACKGROUNDS[theme].map((bg) => parseHex(bg)!), AA));
  return { light: fit(given.light, "light"), dark: fit(given.dark, "dark") };
}

/** The contrast of `fg` on `bg`, both hex: for tests and messages. */
export const hexContrast = (fg: string, bg: string): number => contrast(parseHex(fg) as Rgb, parseHex(bg) as Rgb);

/** What the header shows: the brand text (empty when a logo replaces it) and the logo. */
export interface Brand {
  text: string;
  logo?: { src: string; width: number; height: number; alt: string };
}

/** The header brand of one language; `title` is that language's site title, `logoSize` the logo file's pixels. */
export function brandFor(identity: IdentityConfig, lang: string, title: string, logoSize?: { width: number; height: number }): Brand {
  const wordmark = typeof identity.wordmark === "string" ? identity.wordmark : identity.wordmark?.[lang];
  const text = wordmark ?? title;
  if (!identity.logo || !logoSize) return { text };
  const { showTitle } = identity.logo;
  return { text: showTitle ? text : "", logo: { src: identity.logo.src, ...logoSize, alt: showTitle ? "" : text } };
}

/**
 * The `<head>` additions for the identity, after the stylesheet: the accent of each theme
 * (with the same selectors as theme.css, so these win by order) and the heading face.
 * Empty for the default identity: it adds no bytes to a page.
 */
export function identityHead(identity: IdentityConfig, cssUrl: (path: string) => string = (path) => path): string {
  const rules: string[] = [];
  const accent = accentColors(identity.accent);
  if (accent) {
    rules.push(
      `:root,:root[data-theme="light"]{--accent:${accent.light}}`,
      `@media (prefers-color-scheme:dark){:root:not([data-theme="light"]){--accent:${accent.dark}}}`,
      `:root[data-theme="dark"]{--accent:${accent.dark}}`,
    );
  }
  let preload = "";
  const font = identity.headingFont;
  if (font) {
    // swap: headings show at once in the fallback face; the preload makes the swap rare.
    rules.push(
      `@font-face{font-family:"${font.family}";src:url(${cssUrl(font.src)}) format("woff2");font-weight:${font.weight};font-display:swap}`,
      `:root{--font-heading:"${font.family}",var(--font-sans)}`,
    );
    preload = `<link rel="preload" href="${font.src}" as="font" type="font/woff2" crossorigin>`;
  }
  return rules.length ? `${preload}<style>${rules.join("")}</style>` : "";
}
