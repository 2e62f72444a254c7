import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test, vi } from "vitest";
import { buildToDir, buildToJson } from "../helpers/eleventy.ts";

const fixtures = fileURLToPath(new URL("../media/fixtures/site", import.meta.url));
const KNOWN = "0123456789abcdef0123456789abcdef"; // 1000×500 png in the fixture metadata
const VIDEO = "fedcba9876543210fedcba9876543210"; // 1280×720 video

function fixtureSite(pages: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "media-site-"));
  mkdirSync(join(root, "content/_data"), { recursive: true });
  copyFileSync(join(fixtures, "content/_data/media.json"), join(root, "content/_data/media.json"));
  mkdirSync(join(root, "content/ja/s"), { recursive: true });
  copyFileSync(join(fixtures, "content/ja/s/near.png"), join(root, "content/ja/s/near.png"));
  for (const [path, body] of Object.entries(pages)) {
    const slug = path.replace(/^.*\/|\.md$/g, "");
    const front = `---\nlayout: page.njk\nlang: ja\nslug: ${slug}\ntitle: "T"\nsummary: "s"\npermalink: "/{{ lang }}/s/{{ slug }}/"\n---\n`;
    writeFileSync(join(root, path), front + body);
  }
  return root;
}

afterEach(() => vi.restoreAllMocks());

describe("media through Eleventy (Nunjucks first, then markdown-it)", () => {
  test("the mediaRow tag with space-separated arguments wraps Markdown that still renders", async () => {
    const root = fixtureSite({
      "content/ja/s/a.md": [
        `{% mediaRow img="https://gyazo.com/${VIDEO} {gyazo=loop}" alt="Wire {{ lang }}" align="right" width="33" %}`,
        "Text in **{{ lang }}**.",
        "",
        "- item",
        "{% endmediaRow %}",
        "",
        `{% mediaRow img="https://gyazo.com/${KNOWN}", align="left" %}`,
        "Comma form",
        "{% endmediaRow %}",
        "",
        "![near](near.png)",
        "",
      ].join("\n"),
    });
    const pages = await buildToJson(root);
    const html = pages.find((p) => p.url === "/ja/s/a/")!.content;
    expect(html).toContain(
      `<div class="media-text media-text-right" style="--media-width: 33%">\n<figure class="media" data-media="loop"><video src="https://i.gyazo.com/${VIDEO}.mp4"`,
    );
    // Nunjucks arguments are literal strings: {{ lang }} inside alt stays as written.
    expect(html).toContain('aria-label="Wire {{ lang }}"');
    expect(html).toContain('<div class="media-text-body">\n<p>Text in <strong>ja</strong>.</p>\n<ul>\n<li>item</li>\n</ul>\n</div>');
    expect(html).toContain(`<div class="media-text media-text-left" style="--media-width: 50%">\n<figure class="media" data-media="image"><img src="https://i.gyazo.com/${KNOWN}/max_size/720.png"`);
    expect(html).toContain('<div class="media-text-body">\n<p>Comma form</p>\n</div>');
    expect(html).not.toContain("mediaRow");
    // Relative local image: sized from the file next to the page.
    expect(html).toContain('<img src="near.png" alt="near" width="20" height="50" loading="lazy" decoding="async">');
  });

  test("images next to the pages are published", async () => {
    const root = fixtureSite({ "content/ja/s/a.md": "![near](near.png)\n" });
    const output = await buildToDir(root);
    expect(existsSync(join(output, "ja/s/near.png"))).toBe(true);
  });

  // Was one grouped line at content/_data/media.json:1:1; issue #18 asks the build to report
  // what `npm run check` reports, each image at its line (the dev banner groups them instead).
  test("missing sizes: one warning per image at its line, as npm run check prints them", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const a = "9999999999999999999999999999999c";
    const b = "9999999999999999999999999999999d";
    const root = fixtureSite({
      "content/ja/s/a.md": `![](https://gyazo.com/${a})\n\n![](https://gyazo.com/${b})\n\n![](https://gyazo.com/${a}){gyazo=image}\n`,
      "content/ja/s/b.md": `{% mediaRow img="https://i.gyazo.com/${b}.mp4 {gyazo=loop}" %}\nx\n{% endmediaRow %}\n`,
    });
    const pages = await buildToJson(root);
    const lines = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes("media/size-unknown"));
    expect(lines.map((l) => l.replace(/: warning: .*/, ""))).toEqual([
      // Front matter is 8 lines: the body starts on line 9.
      "content/ja/s/a.md:9:1",
      "content/ja/s/a.md:11:1",
      "content/ja/s/a.md:13:1",
      "content/ja/s/b.md:9:1",
    ]);
    expect(lines[0]).toContain(`size of Gyazo ${a} is unknown`);
    expect(pages.find((p) => p.url === "/ja/s/a/")!.content.match(/class="media-unsized" width="720" height="405"/g)).toHaveLength(3);
  });

  test("authoring errors, in images and in mediaRow tags, fail the build at their file line", async () => {
    const root = fixtureSite({
      "content/ja/s/bad.md": [
        "Intro",
        "",
        `![](https://gyazo.com/${KNOWN}){gyazo=lop}`,
        "",
        `{% mediaRow img="https://i.gyazo.com/${KNOWN}.png {gyazo=loop}" align="middle" %}`,
        "x",
        "{% endmediaRow %}",
        "",
      ].join("\n"),
    });
    const error = await buildToDir(root).then(
      () => null,
      (e: unknown) => e,
    );
    const message = String((error as { originalError?: Error })?.originalError?.message ?? error);
    expect(message).toContain('content/ja/s/bad.md:11:1: error: unknown gyazo mode "lop"; valid modes: image, loop, player (media/unknown-mode)');
    expect(message).toContain('content/ja/s/bad.md:13:1: error: mediaRow align "middle" is not valid; valid values: left, right (media/bad-media-row)');
    // A Gyazo still with {gyazo=loop} plays <id>.mp4 with a warning (issue #16), no longer an error.
    expect(message).toContain("content/ja/s/bad.md:13:1: warning: {gyazo=loop} plays");
    expect(message).not.toContain("needs a video");
  });
});
