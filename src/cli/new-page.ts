/**
 * `npm run new -- <section> <slug>`: scaffolds a guide page in every language, adds it to
 * each nav file and creates `workflows/<section>/<slug>/`. Refuses (writing nothing) when
 * a page exists or the section is not in a nav file.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { planNewPage } from "../authoring/new-page.ts";
import { readNav } from "../check/site-model.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { localeCodes } from "../i18n/locale.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: "string", default: "." }, content: { type: "string", default: "content" } },
});
const [section, slug] = positionals;
if (!section || !slug || positionals.length > 2) {
  process.stderr.write("usage: npm run new -- <section> <slug>\n");
  process.exit(2);
}

const root = resolve(values.root!);
const contentDir = values.content!;
const nav = readNav(root, contentDir, localeCodes());
const plan = planNewPage({
  contentDir,
  section,
  slug,
  languages: localeCodes(),
  nav,
  exists: (path) => existsSync(join(root, path)),
});
// A nav file with errors cannot take an entry safely: report them and write nothing.
const navErrors = [...nav.values()].flatMap((source) => source.parsed.diagnostics.map(formatDiagnostic));
const errors = [...navErrors, ...("errors" in plan ? plan.errors : [])];
if (errors.length > 0 || "errors" in plan) {
  process.stderr.write(errors.map((e) => `error: ${e}\n`).join(""));
  process.exit(1);
}
for (const write of plan.writes) {
  mkdirSync(dirname(join(root, write.path)), { recursive: true });
  writeFileSync(join(root, write.path), write.text, { flag: write.create ? "wx" : "w" });
  process.stdout.write(`${write.create ? "created" : "updated"} ${write.path}\n`);
}
