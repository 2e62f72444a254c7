/** The validation layer shared by `npm run check` and the build: all problems, at once. */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import type { MarkdownIt, RenderEnv } from "../markdown/types.ts";
import { validateFrontMatter } from "./front-matter.ts";
import { readSource, type SourceFile } from "./source.ts";

/** Where the content lives and how to parse it. */
export interface ValidateOptions {
  /** Project root; diagnostics name files relative to it. */
  root: string;
  /** Content folder, relative to root. */
  contentDir: string;
  md: MarkdownIt;
}

/** Every Markdown file under `dir`, sorted, skipping `_`-prefixed folders (data, drafts). */
export function listMarkdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(dir, p).split(sep).some((part) => part.startsWith("_")))
    .sort();
}

/** A guide page is `<lang>/<section>/<slug>.md`; home, section and about pages are not. */
export function isGuidePage(relativeToContent: string): boolean {
  const parts = relativeToContent.split(/[\\/]/);
  return parts.length === 3 && parts[2] !== "index.md";
}

/** Checks one parsed file: front matter, then the Markdown body through the real parser. */
export function validateSource(source: SourceFile, file: string, guidePage: boolean, md: MarkdownIt): Diagnostic[] {
  const diagnostics: Diagnostic[] = guidePage ? validateFrontMatter(file, source.data, source.frontMatter) : [];
  const env: RenderEnv = {
    ...source.data,
    page: { inputPath: file },
    bodyLineOffset: source.bodyLineOffset,
    diagnostics,
  };
  md.parse(source.body, env);
  return diagnostics;
}

/** Validates every content file; never throws for authoring mistakes, only reports them. */
export function validateContent(options: ValidateOptions): Diagnostic[] {
  const contentRoot = join(options.root, options.contentDir);
  const diagnostics: Diagnostic[] = [];
  for (const path of listMarkdownFiles(contentRoot)) {
    const file = relative(options.root, path).split(sep).join("/");
    const guidePage = isGuidePage(relative(contentRoot, path));
    diagnostics.push(...validateSource(readSource(path), file, guidePage, options.md));
  }
  return diagnostics;
}
