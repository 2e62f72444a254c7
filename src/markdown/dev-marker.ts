/**
 * In the dev server, a block that failed leaves a visible marker where it would be (a
 * broken workflow link would otherwise be an empty link), with the id the diagnostics
 * banner links to. Never in a production build, which fails on the same error instead.
 */
import type { RenderEnv } from "./render-env.ts";
import type { StateCore, Token } from "./types.ts";

/** The id of the marker a failed block leaves at `line` of its file. */
export function markerId(line: number): string {
  return `dev-diagnostic-${line}`;
}

/** Whether this render is the dev server's: the render env says so (`devMarkers: true`). */
export function isDevRender(env: RenderEnv | undefined): boolean {
  return env?.devMarkers === true;
}

/** An html_block token holding the marker for the block at `at`, to insert where the block was. */
export function devMarkerToken(state: StateCore, at: Token, message: string): Token {
  const env = state.env as RenderEnv;
  const line = (at.map?.[0] ?? 0) + 1 + (env.bodyLineOffset ?? 0);
  env.markers.push(line);
  const token = new state.Token("html_block", "", 0);
  const escape = state.md.utils.escapeHtml;
  token.content = `<p class="dev-marker" id="${markerId(line)}" role="note"><strong>⚠</strong> ${escape(message)}</p>\n`;
  token.map = at.map;
  return token;
}
