/**
 * Templates are markup (ARCHITECTURE.md): what a layout shows comes from the page context
 * (src/site/page-context.ts). A partial reads no variable but `context` and the names it
 * binds itself, so it never depends on what the including template happened to `set`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../helpers/eleventy.ts";

const includes = join(projectRoot, "_includes");

const KEYWORDS = new Set(["if", "elif", "else", "endif", "for", "in", "endfor", "set", "include", "macro", "endmacro", "not", "and", "or", "is", "true", "false", "none", "undefined", "loop"]);

/** Variables a template reads that it did not bind itself (`set`, `for`, macro parameters). */
export function freeVariables(template: string): string[] {
  const tags = [...template.replace(/\{##[\s\S]*?##\}/g, "").matchAll(/\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g)].map((m) => m[1] ?? m[2]!);
  const bound = new Set<string>();
  const read = new Set<string>();
  for (const tag of tags) {
    const code = tag
      .replace(/^-|-$/g, "")
      .replace(/"[^"]*"|'[^']*'/g, "''")
      .replace(/\|\s*[A-Za-z_]\w*/g, "") // filter names
      .replace(/\.\s*[A-Za-z_]\w*/g, "") // members
      .replace(/[A-Za-z_]\w*\s*:/g, ""); // object keys
    const set = /^\s*set\s+([A-Za-z_]\w*)/.exec(code);
    const loop = /^\s*for\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\b/.exec(code);
    const macro = /^\s*macro\s+([A-Za-z_]\w*)\s*\(([^)]*)\)/.exec(code);
    for (const name of [set?.[1], loop?.[1], loop?.[2], macro?.[1], ...(macro?.[2]?.split(",").map((p) => p.trim()) ?? [])]) if (name) bound.add(name);
    const body = set ? code.slice(code.indexOf("=") + 1) : loop ? code.slice(code.indexOf(" in ") + 4) : macro ? "" : code;
    for (const [name] of body.matchAll(/[A-Za-z_]\w*/g)) if (!KEYWORDS.has(name)) read.add(name);
  }
  return [...read].filter((name) => !bound.has(name)).sort();
}

describe("partials", () => {
  const partials = readdirSync(join(includes, "partials")).filter((f) => f.endsWith(".njk"));

  test.each(partials)("%s reads only the page context", (file) => {
    const free = freeVariables(readFileSync(join(includes, "partials", file), "utf8"));
    expect(free.filter((name) => name !== "context")).toEqual([]);
  });

  test("the check sees a variable a partial takes from the including template", () => {
    expect(freeVariables('{%- set crumbs = index | breadcrumbs(here) -%}{% for c in crumbs %}{{ c.label | t(lang) }}{% endfor %}')).toEqual(["here", "index", "lang"]);
    expect(freeVariables('{% set head = context.head %}<title>{{ head.title }}</title>{{ "x" | t(context.lang, { page: head.title }) }}')).toEqual(["context"]);
  });
});

describe("layouts", () => {
  const layouts = readdirSync(includes).filter((f) => f.endsWith(".njk"));

  test.each(layouts)("%s takes what it shows from the page context, not from collections", (file) => {
    const text = readFileSync(join(includes, file), "utf8");
    expect(text).not.toMatch(/collections\./);
    expect(text).toMatch(/\{%- set context = page \| pageContext -%\}/);
  });
});
