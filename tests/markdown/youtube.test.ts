import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { generateTests } from "../helpers/fixtures.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { renderMarkdown } from "../helpers/render.ts";

const md = createMarkdown({ root: projectRoot });
generateTests(fileURLToPath(new URL("fixtures/youtube.txt", import.meta.url)), (input) => renderMarkdown(md, input).html);

function diagnosticsOf(markdown: string): string[] {
  return renderMarkdown(md, markdown, { file: "content/en/s/page.md", lang: "en", bodyLineOffset: 4 }).diagnostics.map(formatDiagnostic);
}
const html = (markdown: string) => renderMarkdown(md, markdown, { lang: "en" }).html;

describe("YouTube facades", () => {
  test("an allowlisted embed is no error; every other iframe is html/disallowed at its line", () => {
    expect(diagnosticsOf('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n')).toEqual([]);
    expect(diagnosticsOf('Intro\n\n<iframe src="https://player.vimeo.com/video/1"></iframe>\n')).toEqual([
      'content/en/s/page.md:7:1: error: raw HTML <iframe> is not allowed; allowed tags: see README "Raw HTML" (html/disallowed)',
      'content/en/s/page.md:7:1: error: raw HTML </iframe> is not allowed; allowed tags: see README "Raw HTML" (html/disallowed)',
    ]);
  });

  test("the labels follow the page's language", () => {
    const out = html("[Demo](https://youtu.be/dQw4w9WgXcQ)\n");
    expect(out).toContain('aria-label="Play “Demo” on YouTube"');
    expect(out).toContain('<span class="youtube-label" aria-hidden="true">Play on YouTube</span>');
  });

  test("the page never embeds a player or a YouTube script: only a link and a thumbnail", () => {
    const out = html('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>\n');
    expect(out).not.toMatch(/<iframe|<script|youtube-nocookie/);
    expect(out.match(/https:\/\/[^/"]+/g)).toEqual(["https://www.youtube.com", "https://i.ytimg.com"]);
  });

  test("a long run of iframe-like text is judged in linear time", () => {
    const hostile = "<iframe " + "a=b ".repeat(50_000) + "\n";
    const started = performance.now();
    html(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
