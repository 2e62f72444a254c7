/**
 * The content check's single parse (src/markdown/parse-observer.ts): observing it lets
 * the check see every `{…}` attribute the author wrote, yet the tokens it leaves are
 * exactly those of an ordinary parse, so no attribute outside the allowlist gets through.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { observeFacts } from "../../src/check/markdown-facts.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { PARSE_OBSERVER } from "../../src/markdown/parse-observer.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { readFixtures } from "../helpers/fixtures.ts";

const md = createMarkdown({ root: projectRoot });

/** HTML from an observed parse, and the facts observed on the way. */
function observed(input: string) {
  const { observer, facts } = observeFacts(input, 0);
  const env = { page: { inputPath: "a.md" }, diagnostics: [], [PARSE_OBSERVER]: observer };
  return { html: md.renderer.render(md.parse(input, env), md.options, env), facts };
}

const fixtures = fileURLToPath(new URL("../markdown/fixtures/", import.meta.url));
const cases = readdirSync(fixtures).flatMap((file) => readFixtures(fixtures + file).map((c) => [`${file}:${c.line} ${c.title}`, c.input] as const));

describe("an observed parse", () => {
  test("covers the Markdown fixtures", () => expect(cases.length).toBeGreaterThan(50));

  test.each(cases)("renders as an ordinary parse: %s", (_name, input) => {
    expect(observed(input).html).toBe(md.render(input, { page: { inputPath: "a.md" }, diagnostics: [] }));
  });

  test.each([
    ["[a](https://example.com){href=javascript:alert(1) onclick=x}", '<p><a href="https://example.com">a</a></p>\n', ["href", "onclick"]],
    ["![x](/a.png){src=javascript:alert(1) style=\"x:1\" .wide}", '<p><img src="/a.png" alt="x" class="wide"></p>\n', ["src", "style"]],
    ["## Title {onclick=alert(1) #t}", '<h2 id="t">', ["onclick"]],
    ["para {data-x=1 .c}", '<p class="c">para</p>\n', ["data-x"]],
  ])("reports what the allowlist drops and keeps it out of the HTML: %s", (input, html, dropped) => {
    const result = observed(input);
    expect(result.html.startsWith(html)).toBe(true);
    expect(result.facts.droppedAttributes.map((a) => a.name)).toEqual(dropped);
    for (const { name, value } of result.facts.droppedAttributes) expect(result.html).not.toContain(`${name}="${value}"`);
    expect(result.html).not.toMatch(/javascript:|onclick|style=|data-x/);
  });

  test("sees raw HTML as written, before sanitizing", () => {
    const { facts } = observed('<img src="/a.png" onerror="x"> <a href="/b?x=1&y=2">b</a>');
    expect(facts.images.map((i) => [i.src, i.alt])).toEqual([["/a.png", undefined]]);
    expect(facts.links.map((l) => l.href)).toEqual(["/a.png", "/b?x=1&y=2"]);
  });
});
