/**
 * Eleventy's own errors (front matter it cannot read, a data file that is not JSON, a
 * missing or broken layout) as diagnostics: `path:line:col` counted in the file the author
 * edits, one line of message, instead of a chain of wrapped errors and a stack trace.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { yamlErrorMessage } from "../content/front-matter-engines.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { parseJson } from "../util/json-positions.ts";

/** Rule ids of the diagnostics made here. */
export const BUILD_RULES = { yaml: "front-matter/yaml", data: "data/invalid-json", layout: "build/layout", template: "build/template", assets: "build/assets", duplicateOutput: "build/duplicate-output", other: "build/error" } as const;

interface ChainLink {
  name: string;
  message: string;
  mark?: { line?: number; column?: number };
}

/** The error and the ones it wraps (Eleventy's `originalError`, standard `cause`), outermost first. */
function chainOf(error: unknown): ChainLink[] {
  const chain: ChainLink[] = [];
  let at = error as (ChainLink & { originalError?: unknown; cause?: unknown }) | undefined;
  while (at && chain.length < 10) {
    chain.push({ name: String(at.name ?? "Error"), message: String(at.message ?? at), mark: at.mark });
    at = (at.originalError ?? at.cause) as typeof at;
  }
  return chain;
}

/** The file Eleventy names, which it gives relative to the working directory (or, at times, the project). */
function absoluteOf(root: string, path: string): string {
  const candidates = isAbsolute(path) ? [path] : [resolve(process.cwd(), path), resolve(root, path)];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

/** A path as diagnostics name it: relative to the project root when inside it, forward slashes. */
function siteFile(root: string, path: string): string {
  const absolute = absoluteOf(root, path);
  const inRoot = relative(root, absolute);
  return (inRoot.startsWith("..") ? absolute : inRoot).split(sep).join("/");
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** The 1-based line of `key:` in a file's front matter, else 1. */
function frontMatterLine(text: string, key: string): number {
  const at = text.split("\n").findIndex((line) => line.startsWith(`${key}:`));
  return at < 0 ? 1 : at + 1;
}

/** 1-based line and column of the first JSON syntax error in `text` (1:1 when none is found). */
function jsonErrorPosition(text: string): { line: number; column: number } {
  const parsed = parseJson(text);
  return parsed.ok ? { line: 1, column: 1 } : { line: parsed.error.line, column: parsed.error.column };
}

const firstLine = (s: string) => s.trim().split("\n")[0]!.trim();

/** The page Eleventy was rendering when it failed (`… from "./content/…md"`), if it says. */
function renderedPage(chain: readonly ChainLink[]): string | undefined {
  return chain.map((link) => /from "([^"]+)"/.exec(link.message)?.[1]).find(Boolean);
}

/** The content file a failed build was reading or rendering, relative to the root, when Eleventy names one. */
export function pageOfEleventyError(error: unknown, root: string): string | undefined {
  const chain = chainOf(error);
  const page = renderedPage(chain) ?? chain.map((link) => /(?:from template|Layout for the) "?(\S+?)"?(?: template|$)/.exec(link.message)?.[1]).find(Boolean);
  return page ? siteFile(root, page) : undefined;
}

/**
 * The diagnostics of a {@link ContentError} in the chain (the content check's, or another
 * plugin's such as the site URL check), or undefined when the build failed otherwise.
 */
export function contentErrorDiagnostics(error: unknown): Diagnostic[] | undefined {
  let at = error as { name?: string; diagnostics?: Diagnostic[]; originalError?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; at && depth < 10; depth++) {
    if (at.name === "ContentError" && Array.isArray(at.diagnostics)) return at.diagnostics;
    at = (at.originalError ?? at.cause) as typeof at;
  }
  return undefined;
}

/** The diagnostic(s) one failed Eleventy build stands for; never empty. */
export function diagnosticsOfEleventyError(error: unknown, root: string): Diagnostic[] {
  const chain = chainOf(error);
  const inner = chain.at(-1)!;
  const at = (file: string, line: number, column: number, rule: string, message: string): Diagnostic[] => [
    { file: siteFile(root, file), line, column, severity: "error", rule, message },
  ];
  const named = (pattern: RegExp) => chain.map((link) => pattern.exec(link.message)?.[1]).find(Boolean);

  if (chain.some((link) => link.name === "DuplicatePermalinkOutputError")) {
    const output = /writing to `([^`]+)`/.exec(inner.message)?.[1] ?? "";
    return at("eleventy.config.ts", 1, 1, BUILD_RULES.duplicateOutput, `two pages are published at ${output}; give them distinct permalinks`);
  }
  const frontMatterOf = named(/reading front matter from template (\S+)/);
  if (frontMatterOf && inner.mark) {
    const message = yamlErrorMessage(firstLine(inner.message));
    // gray-matter hands js-yaml the text after the opening `---`: its 0-based line is the file's line minus one.
    return at(frontMatterOf, (inner.mark.line ?? 0) + 1, (inner.mark.column ?? 0) + 1, BUILD_RULES.yaml, message);
  }
  const dataFile = named(/parsing data file (\S+)/);
  if (dataFile) {
    const file = absoluteOf(root, dataFile);
    const { line, column } = jsonErrorPosition(readText(file));
    return at(file, line, column, BUILD_RULES.data, `data file is not valid JSON: ${firstLine(inner.message)}`);
  }
  const missingLayout = /layout that does not exist: .*\(via `layout: ([^`]+)`\)/.exec(inner.message);
  const layoutUser = named(/Layout for the "([^"]+)" template/) ?? named(/from "([^"]+)"/);
  if (missingLayout && layoutUser) {
    const file = absoluteOf(root, layoutUser);
    return at(file, frontMatterLine(readText(file), "layout"), 1, BUILD_RULES.layout, `layout "${missingLayout[1]}" does not exist in _includes/`);
  }
  // Nunjucks: `(path/to/layout.njk) [Line 3, Column 7]\n  unexpected token: %}`, nested
  // once per include (`(base.njk)\n  Template render error: (partial.njk) …`): the innermost counts.
  const places = [...inner.message.matchAll(/\(([^()\n]+)\)(?: \[Line (\d+), Column (\d+)\])?/g)];
  const place = places.at(-1);
  if (place && (inner.message.trim().startsWith("(") || /Template render error/.test(inner.name + inner.message))) {
    const rest = inner.message.slice(place.index + place[0].length).replace(/^\s*(?:Error: )?/, "");
    const page = renderedPage(chain);
    const message = `${firstLine(rest) || "template error"}${page ? ` (rendering ${siteFile(root, page)})` : ""}`;
    return at(place[1]!, Number(place[2] ?? 1), Number(place[3] ?? 1), BUILD_RULES.template, message);
  }
  // esbuild (the reader script or stylesheet): `src/client/x.ts:3:4: ERROR: …`, one line each.
  const bundling = [...inner.message.matchAll(/^(\S+):(\d+):(\d+): ERROR: (.*)$/gm)];
  if (bundling.length) return bundling.flatMap((m) => at(m[1]!, Number(m[2]), Number(m[3]), BUILD_RULES.assets, m[4]!));
  const anyFile = named(/(?:template|from|file) "?(\.\/[^"\s]+)"?/);
  return at(anyFile ?? "eleventy.config.ts", 1, 1, BUILD_RULES.other, firstLine(inner.message) || inner.name);
}
