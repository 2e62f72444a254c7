/** The validation layer shared by `npm run check` and the build: all problems, at once. */
import type { Diagnostic } from "../diagnostics.ts";
import { checkSite } from "../check/check-site.ts";
import type { PageCache } from "../check/page-cache.ts";
import type { RenderedBodies } from "../markdown/rendered-bodies.ts";
import type { MarkdownIt } from "../markdown/types.ts";
import type { WorkflowStore } from "../workflow/workflow-store.ts";

/** Where the content lives and how to parse it. */
export interface ValidateOptions {
  /** Project root; diagnostics name files relative to it. */
  root: string;
  /** Content folder, relative to root. */
  contentDir: string;
  /** The site's own markdown-it instance: its plugins report while it parses. */
  md: MarkdownIt;
  /** The workflow store `md` uses, so that links and blocks share one read per file. */
  workflows?: WorkflowStore;
  /** Pages of earlier validations, reused while unchanged (the dev server's rebuilds); none when absent. */
  cache?: PageCache;
  /** Keeps the HTML of the bodies it parses for the build's render (src/markdown/rendered-bodies.ts); none when absent. */
  rendered?: RenderedBodies;
}

/**
 * Validates every content file with every rule (src/check/); the single entry point of
 * the build (src/eleventy/validation.ts) and `npm run check` (src/cli/check.ts).
 * Never throws for authoring mistakes, only reports them, sorted by file and position.
 */
export function validateContent(options: ValidateOptions): Diagnostic[] {
  return checkSite(options).diagnostics;
}
