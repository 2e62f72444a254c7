/** The one place markdown-it types are imported from (markdown-it 15 has no `lib/` paths). */
import type { Token } from "markdown-it";
import type { Severity } from "../diagnostics.ts";
import type { RenderEnv } from "./render-env.ts";

export type { RenderEnv } from "./render-env.ts";

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

/** Records an authoring problem found while parsing, at the token's source line. */
export function reportAt(
  env: RenderEnv,
  where: { line: number; column?: number } | Token | null,
  severity: Severity,
  rule: string,
  message: string,
): void {
  let line = 1;
  let column = 1;
  if (where && "map" in where) {
    line = (where.map?.[0] ?? 0) + 1;
  } else if (where) {
    line = where.line;
    column = where.column ?? 1;
  }
  env.diagnostics.push({
    file: env.file,
    line: line + env.bodyLineOffset,
    column,
    severity,
    rule,
    message,
  });
}
