/** Validation = parse every file once → per-file rules → cross-page rules, all findings at once. */
import { sortDiagnostics, type Diagnostic } from "../diagnostics.ts";
import type { Rule } from "./rule.ts";
import { dataFilesRule } from "./rules/data-files.ts";
import { filesRule } from "./rules/files.ts";
import { frontMatterRule } from "./rules/front-matter.ts";
import { layoutRule } from "./rules/layouts.ts";
import { linksRule } from "./rules/links.ts";
import { mediaAltRule } from "./rules/media-alt.ts";
import { navRule } from "./rules/nav.ts";
import { projectFilesRule } from "./rules/project-files.ts";
import { translationsRule } from "./rules/translations.ts";
import { uniquenessRule } from "./rules/uniqueness.ts";
import { buildSiteModel, type SiteModel, type SiteModelOptions } from "./site-model.ts";

/** Every rule, per-file ones first; the markdown-it plugins' own findings come from the parse. */
export const RULES: readonly Rule[] = [filesRule, projectFilesRule, dataFilesRule, frontMatterRule, layoutRule, mediaAltRule, uniquenessRule, navRule, linksRule, translationsRule];

/** The model the rules saw, and what they found, sorted by file and position. */
export interface CheckResult {
  model: SiteModel;
  diagnostics: Diagnostic[];
}

/** Checks a whole site. Never throws for authoring mistakes; reading errors are findings too. */
export function checkSite(options: SiteModelOptions, rules: readonly Rule[] = RULES): CheckResult {
  const model = buildSiteModel(options);
  const diagnostics: Diagnostic[] = model.pages.flatMap((page) => page.parseDiagnostics);
  for (const rule of rules) diagnostics.push(...rule(model));
  return { model, diagnostics: sortDiagnostics(diagnostics) };
}
