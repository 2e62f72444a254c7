/**
 * `npm run new -- <section> <slug>`: scaffolds a guide page in every language, adds it to
 * each nav file and creates `workflows/<section>/<slug>/`.
 * `npm run new -- --section <id> --label "…"`: adds a section to each nav file and writes
 * its index page in every language. Either refuses (writing nothing) on any conflict.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { planNewPage } from "../authoring/new-page.ts";
import { planNewSection } from "../authoring/new-section.ts";
import { readNav } from "../check/site-model.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import { localeCodes } from "../i18n/locale.ts";

const USAGE = 'usage: npm run new -- <section> <slug> | npm run new -- --section <id> --label "…"\n';
const OPTIONS = {
  root: { type: "string", default: "." },
  content: { type: "string", default: "content" },
  section: { type: "string" },
  label: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof OPTIONS }>>;
try {
  parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
} catch (error) {
  // An unknown or malformed option: say which, with the usage, not a stack trace.
  process.stderr.write(`error: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const newSection = values.section !== undefined;
const [section, slug] = positionals;
if (newSection ? positionals.length > 0 || values.label === undefined : !section || !slug || positionals.length > 2) {
  process.stderr.write(USAGE);
  process.exit(2);
}

const root = resolve(values.root!);
const contentDir = values.content!;
const nav = readNav(root, contentDir, localeCodes());
const site = { contentDir, languages: localeCodes(), nav, exists: (path: string) => existsSync(join(root, path)) };
const plan = newSection
  ? planNewSection({ ...site, section: values.section!, label: values.label! })
  : planNewPage({ ...site, section: section!, slug: slug! });
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
