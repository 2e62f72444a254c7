/** Rendering and checking through the site's one body render path, for tests. */
import type { Diagnostic } from "../../src/diagnostics.ts";
import { checkSite } from "../../src/check/check-site.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { renderBody, BodyRenderer, type RenderedBody } from "../../src/markdown/render-body.ts";
import type { MarkdownIt } from "../../src/markdown/types.ts";

/** Where a test body sits; defaults to a Japanese guide page with no front matter. */
export interface TestPage {
  file?: string;
  bodyLineOffset?: number;
  lang?: string;
  section?: string;
  slug?: string;
}

/** Renders `body` as the page `at` would be rendered. */
export function renderMarkdown(md: MarkdownIt, body: string, at: TestPage = {}): RenderedBody {
  const { file = "content/ja/s/page.md", bodyLineOffset = 0, lang = "ja", section = "s", slug = "page" } = at;
  return renderBody(md, { file, body, bodyLineOffset, variables: { lang, section, slug } });
}

/** Every diagnostic of the site at `root`, as `npm run check` finds them. */
export function validateSite(root: string, contentDir = "content"): Diagnostic[] {
  return checkSite({ root, contentDir, bodies: new BodyRenderer(createMarkdown({ root })) }).diagnostics;
}
