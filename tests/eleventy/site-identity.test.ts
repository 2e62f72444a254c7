import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { ContentError, formatDiagnostic } from "../../src/diagnostics.ts";
import { resolveIdentity } from "../../src/eleventy/site-identity.ts";
import { HEADING_FONT_MAX_BYTES } from "../../src/site/site-identity.ts";
import { buildToDir, TEST_SITE_URL } from "../helpers/eleventy.ts";
import { fixtureFiles, writeSite } from "../helpers/fixture-site.ts";

/** A black `width`×`height` PNG. (An SVG logo would be refused: content SVGs can run script, README "Security".) */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}
const LOGO = png(96, 24);
/** A file that starts like a WOFF2 font, `size` bytes long: the build checks the signature and the size. */
const woff2 = (size: number) => "wOF2" + "x".repeat(size - 4);

function siteWithIdentity(identity: unknown, files: Record<string, string | Buffer> = {}): string {
  const site = { ...fixtureFiles(), ...files };
  site["content/_data/site.json"] = JSON.stringify({ url: "https://fixture.example/", identity }, null, 2);
  return writeSite(site);
}

describe("a site with its own identity", async () => {
  const root = siteWithIdentity(
    { wordmark: { en: "Comfy" }, logo: { src: "/brand/logo.png" }, accent: "#8a2be2", headingFont: { family: "Brand Sans", src: "/brand/heading.woff2" } },
    { "content/brand/logo.png": LOGO, "content/brand/heading.woff2": woff2(2000) },
  );
  const out = await buildToDir(root);
  const ja = readFileSync(join(out, "ja/guide/a/index.html"), "utf8");
  const en = readFileSync(join(out, "en/guide/a/index.html"), "utf8");
  const header = (html: string) => /<a class="site-title"[\s\S]*?<\/a>/.exec(html)![0];

  test("shows the logo at its file's size, beside the wordmark or the title", () => {
    expect(header(en)).toContain('<img class="site-logo" src="/brand/logo.png" width="96" height="24" alt="">');
    expect(header(en)).toContain('<span class="site-title-text">Comfy</span>');
    expect(header(ja)).toContain('<span class="site-title-text">ComfyUI ガイド</span>');
    expect(header(ja)).not.toContain("site-mark");
  });

  test("writes the accent and the heading face after the stylesheet, and publishes the font", () => {
    const head = ja.slice(0, ja.indexOf("</head>"));
    expect(head.indexOf("<style>")).toBeGreaterThan(head.indexOf('<link rel="stylesheet"'));
    expect(head).toContain("--accent:#8a2be2");
    expect(head).toContain('font-family:"Brand Sans"');
    expect(existsSync(join(out, "brand/heading.woff2"))).toBe(true);
    expect(existsSync(join(out, "brand/logo.png"))).toBe(true);
  });
});

describe("an identity under a base path", async () => {
  // A second copy of the site: Eleventy caches layouts per input folder within a process.
  const root = siteWithIdentity(
    { logo: { src: "/brand/logo.png" }, headingFont: { family: "Brand Sans", src: "/brand/heading.woff2" } },
    { "content/brand/logo.png": LOGO, "content/brand/heading.woff2": woff2(2000) },
  );
  const out = await buildToDir(root, undefined, { siteUrl: TEST_SITE_URL, pathPrefix: "/repo/" });
  const head = readFileSync(join(out, "ja/guide/a/index.html"), "utf8").split("</head>")[0]!;

  test("the logo, the font preload and the font's url() inside <style> all carry the prefix", () => {
    expect(head).toContain("src:url(/repo/brand/heading.woff2)");
    expect(head).toContain('<link rel="preload" href="/repo/brand/heading.woff2"');
    expect(readFileSync(join(out, "ja/guide/a/index.html"), "utf8")).toContain('src="/repo/brand/logo.png"');
  });
});

describe("the default identity", async () => {
  const out = await buildToDir(writeSite(fixtureFiles()));
  const ja = readFileSync(join(out, "ja/guide/a/index.html"), "utf8");

  test("has the site mark and title, and no inline style or font", () => {
    expect(ja).toContain('<svg class="site-mark"');
    expect(ja).toContain('<span class="site-title-text">ComfyUI ガイド</span>');
    expect(ja).not.toContain("<style>");
    expect(ja).not.toContain("woff2");
  });
});

describe("identity problems stop the build at their line in site.json", () => {
  const problems = (root: string) => {
    try {
      resolveIdentity(root, "content");
    } catch (error) {
      if (error instanceof ContentError) return error.diagnostics.map(formatDiagnostic);
      throw error;
    }
    return [];
  };

  test("a missing logo and a file that is not WOFF2, both at once", () => {
    const root = siteWithIdentity({ logo: { src: "/nope.svg" }, headingFont: { family: "X", src: "/font.woff2" } }, { "content/font.woff2": "not a font" });
    const found = problems(root);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^content\/_data\/site\.json:5:7: error: logo \/nope\.svg: file not found .*\(site\/identity\)$/);
    expect(found[1]).toMatch(/^content\/_data\/site\.json:9:7: error: heading font \/font\.woff2 is not a WOFF2 file \(site\/identity\)$/);
  });

  test("a heading font over the budget", () => {
    const root = siteWithIdentity({ headingFont: { family: "X", src: "/font.woff2" } }, { "content/font.woff2": woff2(HEADING_FONT_MAX_BYTES + 1) });
    expect(problems(root)).toEqual([expect.stringMatching(/heading font \/font\.woff2 is 80 KB, over the 80 KB budget: subset it/)]);
  });

  test("an invalid value is reported by the settings schema", () => {
    expect(() => resolveIdentity(siteWithIdentity({ accent: "blue" }), "content")).toThrow(/identity\/accent/);
  });
});
