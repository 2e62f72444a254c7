/** Translation rules: every page in every language, and translations that follow their source. */
import { z } from "zod";
import type { Diagnostic } from "../../diagnostics.ts";
import { validateFrontMatter } from "../../content/front-matter.ts";
import { FILE_START, finding, type Rule } from "../rule.ts";
import type { SiteModel } from "../site-model.ts";
import { translationOfSchema } from "../translation-hash.ts";
import { translationStatus, type TranslationCell } from "../translation-status.ts";

const stampSchema = z.looseObject({ translationOf: translationOfSchema.optional() });

function stampCommand(file: string): string {
  return `npm run i18n:status -- --stamp ${file}`;
}

function cellProblems(cell: TranslationCell): Diagnostic[] {
  const { page, source } = cell;
  if (!page?.source || !source) return []; // an unreadable page has its front-matter/yaml error
  if (cell.state === "unstamped") {
    const message = `translation of ${source.file} records no source hash, so it cannot be checked; once it matches the source, run ${stampCommand(page.file)}`;
    return [finding(page, FILE_START, "warning", "i18n/unstamped", message)];
  }
  if (cell.state === "outdated") {
    const message = `outdated: ${source.file} changed since this translation (recorded ${cell.translationOf!.hash}, now ${cell.currentHash}); update the translation, then run ${stampCommand(page.file)}`;
    return [finding(page, ["translationOf", "hash"], "warning", "i18n/outdated", message)];
  }
  return [];
}

function missingProblems(model: SiteModel, cells: Map<string, TranslationCell>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [lang, cell] of cells) {
    if (cell.state !== "missing") continue;
    for (const other of cells.values()) {
      // A draft is unpublished work: nobody can miss its translation yet.
      if (!other.page || other.page.data.draft === true) continue;
      const path = `${model.contentDir}/${lang}/${other.page.key}.md`;
      out.push(finding(other.page, FILE_START, "warning", "i18n/missing", `no ${lang} counterpart: ${path} does not exist`));
    }
  }
  return out;
}

/** Missing counterparts, outdated and unstamped translations (warnings), malformed stamps (errors). */
export const translationsRule: Rule = (model) => {
  const out: Diagnostic[] = [];
  for (const page of model.pages) {
    if (page.source && page.data.translationOf !== undefined) {
      out.push(...validateFrontMatter(page.file, page.data, page.source.frontMatter, stampSchema));
    }
  }
  for (const row of translationStatus(model)) {
    out.push(...missingProblems(model, row.cells));
    for (const cell of row.cells.values()) out.push(...cellProblems(cell));
  }
  return out;
};
