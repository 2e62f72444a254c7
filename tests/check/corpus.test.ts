/**
 * The bad-input corpus: each `corpus/<case>/` holds the files that differ from the clean
 * site in `corpus-clean/` (laid over a copy of it) and an `expected.json` listing every
 * finding, with rule id, file, line and column. The clean site itself has none.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { validateSite } from "../helpers/render.ts";
import type { Diagnostic } from "../../src/diagnostics.ts";

const corpus = fileURLToPath(new URL("corpus/", import.meta.url));
const clean = fileURLToPath(new URL("corpus-clean/", import.meta.url));

interface CaseSpec {
  description: string;
  /** Files of the clean site to delete (paths relative to the site root). */
  remove?: string[];
  expected: Array<Pick<Diagnostic, "rule" | "file" | "line" | "column">>;
}

/** A copy of the clean site with the case's files laid over it. */
function siteFor(caseName: string, spec: CaseSpec): string {
  const root = mkdtempSync(join(tmpdir(), `check-${caseName}-`));
  cpSync(clean, root, { recursive: true });
  cpSync(join(corpus, caseName), root, { recursive: true, filter: (src) => !src.endsWith("expected.json") });
  for (const path of spec.remove ?? []) rmSync(join(root, path));
  return root;
}

function check(root: string) {
  return validateSite(root);
}

const byPlace = (a: CaseSpec["expected"][number], b: CaseSpec["expected"][number]) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

const cases = readdirSync(corpus).sort();

describe("content check corpus", () => {
  test("has at least 30 bad inputs", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  test("the clean site has no findings at all", () => {
    expect(check(clean)).toEqual([]);
  });

  test.each(cases)("%s", (name) => {
    const spec = JSON.parse(readFileSync(join(corpus, name, "expected.json"), "utf8")) as CaseSpec;
    const root = siteFor(name, spec);
    try {
      const found = check(root).map(({ rule, file, line, column }) => ({ rule, file, line, column }));
      expect(found.sort(byPlace), spec.description).toEqual([...spec.expected].sort(byPlace));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
