import { fileURLToPath } from "node:url";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readSource } from "../../src/content/source.ts";
import { formatDiagnostic } from "../../src/diagnostics.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { groupSizeWarnings } from "../../src/media/size-warnings.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { generateTests } from "../helpers/fixtures.ts";
import { renderMarkdown } from "../helpers/render.ts";

// A site whose content/_data/media.json gives sizes for the fixture ids and the seed's
// two ids, and which holds content/img/shot.png (64×48) and content/ja/s/near.png (20×50).
const fixtureRoot = fileURLToPath(new URL("../media/fixtures/site", import.meta.url));
const md = createMarkdown({ root: fixtureRoot });

for (const name of ["media.txt", "media-row.txt", "media-security.txt"]) {
  generateTests(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)), (input) => renderMarkdown(md, input).html);
}

/** The diagnostics of one body, formatted as the build prints them (4 front matter lines). */
function check(body: string): string[] {
  return renderMarkdown(md, body, { bodyLineOffset: 4 }).diagnostics.map(formatDiagnostic);
}

const ID = "0123456789abcdef0123456789abcdef";

describe("bad input is reported at path:line with the valid choices", () => {
  test.each([
    [`text\n\n![](https://gyazo.com/${ID}){gyazo=lop}`, `content/ja/s/page.md:7:1: error: unknown gyazo mode "lop"; valid modes: image, loop, player (media/unknown-mode)`],
    [`![](https://gyazo.com/${ID}){media=video}`, `content/ja/s/page.md:5:1: error: unknown media mode "video"; valid modes: image, loop, player (media/unknown-mode)`],
    // Issue #16: Gyazo serves an mp4 for its captures, so a loop/player mode on a Gyazo
    // still plays <id>.mp4 with a warning (it was the error media/not-video before).
    [`![](https://i.gyazo.com/${ID}.png){gyazo=loop}`, `content/ja/s/page.md:5:1: warning: {gyazo=loop} plays https://i.gyazo.com/${ID}.mp4, but content/_data/media.json records ${ID} as a still image; check that the clip plays, or use {gyazo=image} (media/still-as-video)`],
    // The metadata file knows this id is an image.
    [`![](https://gyazo.com/${ID}){media=player}`, expect.stringContaining(`:5:1: warning: {media=player} plays https://i.gyazo.com/${ID}.mp4, but content/_data/media.json records ${ID} as a still image; check that the clip plays, or use {media=image}`)],
    [`![](/img/shot.png){media=loop}`, expect.stringContaining("(media/not-video)")],
    [`![](https://gyazo.com/c2eee3ec1ec36c052a302dc344ff1a6){gyazo=image}`, `content/ja/s/page.md:5:1: error: "https://gyazo.com/c2eee3ec1ec36c052a302dc344ff1a6" is not a Gyazo image URL; valid forms: https://gyazo.com/<id> or https://i.gyazo.com/<id>.png|jpg|gif|mp4, where <id> is 32 hex digits (media/bad-gyazo-id)`],
    [`![](https://i.gyazo.com/zzeee3ec1ec36c052a302dc344ff1a69.png)`, expect.stringContaining("(media/bad-gyazo-id)")],
    [`![](https://gyazo.com/captures){gyazo=image}`, expect.stringContaining("(media/bad-gyazo-id)")],
    [`{% mediaRow img="https://gyazo.com/${ID}" align="center" %}\nx\n{% endmediaRow %}`, `content/ja/s/page.md:5:1: error: mediaRow align "center" is not valid; valid values: left, right (media/bad-media-row)`],
    [`{% mediaRow img="https://gyazo.com/${ID}" width="95" %}\nx\n{% endmediaRow %}`, expect.stringContaining("mediaRow width \"95\" is not valid; use a whole percentage from 10 to 90")],
    [`{% mediaRow img="https://gyazo.com/${ID}" size="3" %}\nx\n{% endmediaRow %}`, expect.stringContaining('unknown mediaRow argument "size"; valid arguments: img, alt, align, width')],
    [`{% mediaRow img="https://gyazo.com/${ID} {gyazo=lop}" %}\nx\n{% endmediaRow %}`, `content/ja/s/page.md:5:1: error: unknown gyazo mode "lop"; valid modes: image, loop, player (media/unknown-mode)`],
    [`{% mediaRow img="https://gyazo.com/${ID} {gyazo=loop}" %}\nx\n{% endmediaRow %}`, expect.stringContaining("(media/still-as-video)")],
    [`{% mediaRow alt="no image" %}\nx\n{% endmediaRow %}`, expect.stringContaining('mediaRow img "" is not valid; write img="URL"')],
    [`{% mediaRow img=url %}\nx\n{% endmediaRow %}`, expect.stringContaining('cannot read mediaRow arguments at "img=url"')],
    [`para\n\n{% mediaRow img="https://gyazo.com/${ID}" %}\nx`, `content/ja/s/page.md:7:1: error: {% mediaRow %} is not closed; add {% endmediaRow %} on a line of its own (media/bad-media-row)`],
    [`x\n{% endmediaRow %}`, `content/ja/s/page.md:6:1: error: {% endmediaRow %} without a {% mediaRow %} before it (media/bad-media-row)`],
    [`{% mediaRow img="https://gyazo.com/${ID}" %}text{% endmediaRow %}`, expect.stringContaining("write {% mediaRow … %} and {% endmediaRow %} on lines of their own")],
    [`x\n{%- mediaRow img="https://gyazo.com/${ID}" %}`, expect.stringContaining(":6:1: error: write {% mediaRow … %} and {% endmediaRow %} on lines of their own, without whitespace control")],
    [`## Title {media=image}`, `content/ja/s/page.md:5:1: error: {media=image} only applies to an image: write it right after ![alt](URL) (media/misplaced-mode)`],
    [`![x](data:image/png;base64,AAAA)`, expect.stringContaining("(media/unsafe-url)")],
  ])("%s", (body, expected) => {
    expect(check(body)).toEqual([expected]);
  });

  test("each image of a media row is reported at its own line", () => {
    const body = `![](https://gyazo.com/${ID})\n![](https://gyazo.com/${ID}){gyazo=lop}\n![](https://i.gyazo.com/${ID}.png){gyazo=player}`;
    expect(check(body).map((d) => d.replace(/: (error|warning): .*\((.*)\)$/, " $2"))).toEqual([
      "content/ja/s/page.md:6:1 media/unknown-mode",
      "content/ja/s/page.md:7:1 media/still-as-video",
    ]);
  });

  test("a missing size is a warning per image, with its line", () => {
    const body = "![](https://gyazo.com/9999999999999999999999999999999c)\n\ntext\n\n![](https://i.gyazo.com/9999999999999999999999999999999c.mp4)";
    const lines = check(body);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^content\/ja\/s\/page\.md:5:1: warning: size of Gyazo 9999999999999999999999999999999c is unknown.*npm run media:sync.*\(media\/size-unknown\)$/);
    expect(lines[1]).toMatch(/^content\/ja\/s\/page\.md:9:1: warning: /);
  });

  test("valid media produce no diagnostics", () => {
    expect(check(`![](https://gyazo.com/${ID}){gyazo=image}\n![](https://gyazo.com/fedcba9876543210fedcba9876543210){media=player}\n\n![](/img/shot.png)`)).toEqual([]);
  });
});

describe("a Gyazo .gif or .png URL with {gyazo=loop|player} plays <id>.mp4 (issue #16)", () => {
  const UNKNOWN = "9999999999999999999999999999999c";
  const rendered = (body: string) => {
    const { html, diagnostics } = renderMarkdown(md, body, { bodyLineOffset: 4 });
    return { html, rules: diagnostics.map((d) => `${d.severity} ${d.rule}`) };
  };

  test("a GIF capture is a clip: the mp4 plays, and nothing but the unknown size is reported", () => {
    const { html, rules } = rendered(`![A clip](https://i.gyazo.com/${UNKNOWN}.gif){gyazo=loop}`);
    expect(html).toContain(`<video src="https://i.gyazo.com/${UNKNOWN}.mp4"`);
    expect(html).toContain(" autoplay muted loop ");
    expect(rules).toEqual(["warning media/size-unknown"]);
  });

  test("a GIF recorded in the metadata plays its mp4 at its recorded size, unwarned", () => {
    const { html, rules } = rendered("![](https://i.gyazo.com/1111111111111111111111111111111a.gif){gyazo=player}");
    expect(html).toContain('<video src="https://i.gyazo.com/1111111111111111111111111111111a.mp4"');
    expect(html).toContain('width="400" height="300"');
    expect(rules).toEqual([]);
  });

  test("a PNG URL still plays the mp4, with one warning, never an error", () => {
    const { html, rules } = rendered(`![](https://i.gyazo.com/${UNKNOWN}.png){gyazo=loop}`);
    expect(html).toContain(`<video src="https://i.gyazo.com/${UNKNOWN}.mp4"`);
    expect(rules.sort()).toEqual(["warning media/size-unknown", "warning media/still-as-video"]);
  });
});

describe("the seed page", () => {
  const seed = readSource(join(projectRoot, "content/ja/basic-workflows/sd15-lora.md"));
  const at = { file: "content/ja/basic-workflows/sd15-lora.md", bodyLineOffset: seed.bodyLineOffset, section: "basic-workflows", slug: "sd15-lora" };

  test("renders its two Gyazo images with the sizes from the metadata file", () => {
    // tests/media/fixtures/site/content/_data/media.json: c2ee… 2048×1152 png, 87dc… 1200×1600 jpg.
    const { html } = renderMarkdown(md, seed.body, at);
    const figures = html.match(/<figure class="media"[^]*?<\/figure>/g);
    expect(figures).toEqual([
      '<figure class="media" data-media="image"><img src="https://i.gyazo.com/c2eee3ec1ec36c052a302dc344ff1a69/max_size/720.png" srcset="https://i.gyazo.com/c2eee3ec1ec36c052a302dc344ff1a69/max_size/720.png 1x, https://i.gyazo.com/c2eee3ec1ec36c052a302dc344ff1a69/max_size/1440.png 2x" alt="" width="720" height="405" loading="lazy" decoding="async" data-full-src="https://i.gyazo.com/c2eee3ec1ec36c052a302dc344ff1a69.png"></figure>',
      '<figure class="media" data-media="image"><img src="https://i.gyazo.com/87dc794e1f87940a585696bf82df517d/max_size/720.jpg" srcset="https://i.gyazo.com/87dc794e1f87940a585696bf82df517d/max_size/720.jpg 1x, https://i.gyazo.com/87dc794e1f87940a585696bf82df517d/max_size/1440.jpg 2x" alt="" width="540" height="720" loading="lazy" decoding="async" data-full-src="https://i.gyazo.com/87dc794e1f87940a585696bf82df517d.jpg"></figure>',
    ]);
    expect(html).not.toMatch(/ (gyazo|media)=|\{(gyazo|media)=/);
  });

  test("without recorded sizes (a fresh site): 16:9 boxes, and one grouped warning for the build", () => {
    const emptyMd = createMarkdown({ root: mkdtempSync(join(tmpdir(), "media-empty-")) });
    const { html, diagnostics } = renderMarkdown(emptyMd, seed.body, at);
    const ids = ["c2eee3ec1ec36c052a302dc344ff1a69", "87dc794e1f87940a585696bf82df517d"];
    const unsized = diagnostics.filter((d) => d.rule === "media/size-unknown");
    expect(unsized.map((d) => d.line)).toEqual([43, 81]);
    expect(html.match(/class="media-unsized" width="720" height="405"/g)).toHaveLength(2);
    const grouped = groupSizeWarnings(diagnostics).filter((d) => d.rule === "media/size-unknown");
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.message).toContain(ids.join(", "));
  });
});
