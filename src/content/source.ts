/** Reading content files: front matter, body, and where the body starts. */
import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { checkEngines } from "./front-matter-engines.ts";

/** A content file split the way Eleventy splits it (gray-matter). */
export interface SourceFile {
  path: string;
  data: Record<string, unknown>;
  /** The raw YAML between the `---` lines. */
  frontMatter: string;
  body: string;
  /** How many lines precede the body: Markdown line n is file line n + offset. */
  bodyLineOffset: number;
}

/** Splits a Markdown source into front matter and body. */
export function parseSource(path: string, text: string): SourceFile {
  // gray-matter caches by content unless options are given; a fresh options object keeps
  // its entries from being shared (and mutated) between callers. YAML only (no `---js`).
  const parsed = matter(text, { engines: checkEngines } as {});
  const bodyStart = text.length - parsed.content.length;
  const bodyLineOffset = text.slice(0, bodyStart).split("\n").length - 1;
  return {
    path,
    data: parsed.data as Record<string, unknown>,
    frontMatter: parsed.matter.replace(/^\r?\n/, ""),
    body: parsed.content,
    bodyLineOffset,
  };
}

export function readSource(path: string): SourceFile {
  return parseSource(path, readFileSync(path, "utf8"));
}
