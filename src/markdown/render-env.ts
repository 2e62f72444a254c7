/**
 * The render environment of a page body: what markdown-it's `env` carries for one render.
 * Built by {@link renderEnvFor} alone, for the check and the build alike, so no renderer
 * can read something that differs between the two (VitePress owns its `MarkdownEnv` the
 * same way). Eleventy's page data never reaches markdown-it.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { emptyFacts, type MarkdownFacts } from "./facts.ts";
import type { TocEntry } from "./heading-anchors.ts";
import { expandVariables } from "./page-variables.ts";
import type { Token } from "./types.ts";

/** The page variables a body may use as `{{ lang }}`, `{{ section }}`, `{{ slug }}`. */
export interface PageVariables {
  lang: string;
  /** The section folder; "" for homes and about pages. */
  section: string;
  slug: string;
}

/** What one body render starts from. */
export interface BodyInput {
  /** The page file relative to the project root, forward slashes: how diagnostics name it. */
  file: string;
  /** The Markdown after the front matter. */
  body: string;
  /** Lines before the body (front matter), so that diagnostics point into the file. */
  bodyLineOffset: number;
  variables: PageVariables;
  /** The dev server's render: a block that failed leaves a marker in its place (src/markdown/dev-marker.ts). */
  dev?: boolean;
}

/** markdown-it's `env` for one render; plugins read and fill it, nothing else. */
export interface RenderEnv {
  readonly file: string;
  readonly lang: string;
  readonly variables: Readonly<PageVariables>;
  readonly bodyLineOffset: number;
  /** The body as the author wrote it, for finding columns. */
  readonly source: string;
  /** Authoring problems the plugins found, at file lines. */
  readonly diagnostics: Diagnostic[];
  /** h2/h3 headings, filled by the heading-anchors plugin. */
  toc: TocEntry[];
  /** What the author wrote (links, images, dropped attributes), filled by the attrs rule. */
  readonly facts: MarkdownFacts;
  /** Raw HTML tokens' text as written, kept by the sanitiser for the facts. */
  readonly rawHtml: Map<Token, string>;
  /** File lines where a failed block left a dev marker (src/markdown/dev-marker.ts). */
  readonly markers: number[];
  /** markdown-it types `env` as an open record. */
  [key: string | symbol]: unknown;
}

/** The one way to make a {@link RenderEnv}. */
export function renderEnvFor(input: BodyInput): RenderEnv {
  return {
    file: input.file,
    lang: input.variables.lang,
    variables: Object.freeze({ ...input.variables }),
    bodyLineOffset: input.bodyLineOffset,
    // Columns are found in the text as the parse sees it, page variables filled in.
    source: expandVariables(input.body, input.variables, () => {}),
    diagnostics: [],
    toc: [],
    facts: emptyFacts(),
    rawHtml: new Map(),
    markers: [],
    ...(input.dev ? { devMarkers: true } : {}),
  };
}

/** markdown-it's `env` of a render started by {@link renderEnvFor}. */
export function envOf(env: unknown): RenderEnv {
  return env as RenderEnv;
}
