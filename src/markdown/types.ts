/** The one place markdown-it types are imported from (markdown-it 15 has no `lib/` paths). */
import type { Token } from "markdown-it";
import type { Diagnostic, Severity } from "../diagnostics.ts";

export type {
  MarkdownIt,
  MarkdownItOptions,
  Renderer,
  RendererRule as RenderRule,
  StateBlock,
  StateCore,
  StateInline,
  Token,
} from "markdown-it";

/**
 * What markdown-it's `env` carries for one render. Under Eleventy it is the page's data
 * object; under `npm run check` and in tests it is built by hand.
 */
export interface RenderEnv {
  /** Eleventy's page object; `inputPath` names the file in diagnostics. */
  page?: { inputPath?: string; url?: string | false };
  lang?: string;
  /** Lines before the Markdown body (front matter), so diagnostics point into the file. */
  bodyLineOffset?: number;
  /** Collector for authoring problems; absent when nobody is listening. */
  diagnostics?: Diagnostic[];
  [key: string | symbol]: unknown;
}

/** Records an authoring problem found while parsing, at the token's source line. */
export function reportAt(
  env: RenderEnv | undefined,
  where: { line: number; column?: number } | Token | null,
  severity: Severity,
  rule: string,
  message: string,
): void {
  if (!env?.diagnostics) return;
  let line = 1;
  let column = 1;
  if (where && "map" in where) {
    line = (where.map?.[0] ?? 0) + 1;
  } else if (where) {
    line = where.line;
    column = where.column ?? 1;
  }
  env.diagnostics.push({
    file: normalisePath(env.page?.inputPath ?? "<markdown>"),
    line: line + (env.bodyLineOffset ?? 0),
    column,
    severity,
    rule,
    message,
  });
}

/** `./content/a.md` and `content\a.md` both become `content/a.md`. */
export function normalisePath(p: string): string {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}
