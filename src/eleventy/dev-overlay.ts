/**
 * The dev server's overlay for a build that failed: Eleventy keeps serving the pages of
 * the last good build, so every HTML response gets a notice naming each error's
 * file:line:col until a build succeeds again. (Content problems of a build that
 * succeeded are on the pages themselves: the banner, `_includes/partials/dev-diagnostics.njk`.)
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Diagnostic } from "../diagnostics.ts";
import type { SiteDiagnostics } from "./site-diagnostics.ts";

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The overlay's markup for these findings (errors only: they are why the build failed). */
export function overlayHtml(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const items = errors.map(
    (d) => `<li><code>${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</code>: ${escapeHtml(d.message)} <small>(${escapeHtml(d.rule)})</small></li>`,
  );
  return (
    `<aside class="dev-build-error" role="alert" data-errors="${errors.length}" ` +
    `style="position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1em 1.5em;` +
    `background:#fff0f0;color:#600;border-bottom:3px solid #c00;font:14px/1.5 system-ui,sans-serif">` +
    `<p><strong>The last build failed (${errors.length} error${errors.length === 1 ? "" : "s"}); this page is from the build before. ` +
    `Fix these and save:</strong></p><ul>${items.join("")}</ul></aside>`
  );
}

/** `html` with the overlay right after `<body…>` (or first, for a document without one). */
export function withOverlay(html: string, diagnostics: readonly Diagnostic[]): string {
  const overlay = overlayHtml(diagnostics);
  const body = /<body[^>]*>/i.exec(html);
  return body ? html.slice(0, body.index + body[0].length) + overlay + html.slice(body.index + body[0].length) : overlay + html;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Dev-server middleware (Eleventy's `setServerOptions({ middleware })`): while the latest
 * build has failed, adds the overlay to every HTML response. `state` is read per request,
 * so the overlay appears and goes with the builds.
 */
export function overlayMiddleware(state: () => SiteDiagnostics): Middleware {
  return (_req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const type = String(res.getHeader("Content-Type") ?? "");
      const current = state();
      if (typeof chunk === "string" && type.startsWith("text/html") && current.failed) chunk = withOverlay(chunk, current.all());
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
    next();
  };
}
