/**
 * What a render records of the author's text (src/markdown/facts.ts): every `{…}`
 * attribute written, raw HTML as written. There is one parse per render, and the tokens
 * it leaves carry no attribute outside the allowlist.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { BodyRenderer } from "../../src/markdown/render-body.ts";
import { projectRoot } from "../helpers/eleventy.ts";
import { readFixtures } from "../helpers/fixtures.ts";
import { renderMarkdown } from "../helpers/render.ts";

const md = createMarkdown({ root: projectRoot });

/** HTML of a render, and the facts it recorded on the way. */
function observed(input: string) {
  const { html, facts } = renderMarkdown(md, input, { file: "a.md" });
  return { html, facts };
}

const fixtures = fileURLToPath(new URL("../markdown/fixtures/", import.meta.url));
const cases = readdirSync(fixtures).flatMap((file) => readFixtures(fixtures + file).map((c) => [`${file}:${c.line} ${c.title}`, c.input] as const));

describe("a render", () => {
  test("covers the Markdown fixtures", () => expect(cases.length).toBeGreaterThan(50));

  test.each(cases)("served again by the body renderer, is the same as a fresh render: %s", (_name, input) => {
    const bodies = new BodyRenderer(createMarkdown({ root: projectRoot }));
    const at = { file: "content/ja/s/page.md", body: input, bodyLineOffset: 0, variables: { lang: "ja", section: "s", slug: "page" } };
    bodies.begin("stamp");
    const first = bodies.render(at);
    expect(bodies.render({ ...at })).toBe(first);
    expect(bodies.counts).toEqual({ rendered: 1, reused: 1 });
    expect(first.html).toBe(observed(input).html);
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

// `\s*<?\s*` before the URL split each run of spaces two ways: quadratic in its length
// (80,000 spaces took 8 s); at this size such a scan exceeds the test timeout.
describe("refused URLs are found in linear time", () => {
  test("`](` followed by 400,000 spaces, and a refused URL after spaces", () => {
    const { facts } = observed(`a](${" ".repeat(400_000)}) and [x](${" ".repeat(50)}javascript:alert(1))`);
    expect(facts.refusedUrls.map((u) => u.url)).toEqual(["javascript:alert(1)"]);
  }, 10_000); // milliseconds when linear; the project's 60 s default is for Eleventy builds
});

describe("the dev server's renders", () => {
  test("a workflow block that failed leaves a marker in dev renders only", () => {
    const bodies = new BodyRenderer(createMarkdown({ root: projectRoot }));
    const at = { file: "content/ja/s/page.md", body: "[](/workflows/missing.json)\n", bodyLineOffset: 4, variables: { lang: "ja", section: "s", slug: "page" } };
    bodies.begin("stamp");
    expect(bodies.render(at).html).not.toContain("dev-marker");
    bodies.dev = true;
    const dev = bodies.render(at);
    expect(dev.html).toContain('<p class="dev-marker" id="dev-diagnostic-5" role="note">');
    expect(bodies.counts.rendered).toBe(2);
  });
});
