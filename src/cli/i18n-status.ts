/**
 * `npm run i18n:status`: every page × language, translated / outdated / unstamped /
 * missing. `--stamp <file>…` records in each translation the hash of its source as it is
 * now (do it once the translation matches the source). `--json` for machines.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { stampTranslation } from "../authoring/stamp-translation.ts";
import { checkSite } from "../check/check-site.ts";
import { formatStatusTable } from "../check/status-table.ts";
import { sourceLangOf, translationStatus } from "../check/translation-status.ts";
import { sourceHash } from "../check/translation-hash.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { BodyRenderer } from "../markdown/render-body.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: "string", default: "." },
    content: { type: "string", default: "content" },
    stamp: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

const root = resolve(values.root!);
const { model } = checkSite({ root, contentDir: values.content!, bodies: new BodyRenderer(createMarkdown({ root })) }, []);
let failed = false;
if (positionals.length > 0 && !values.stamp) {
  process.stderr.write("usage: npm run i18n:status [-- --json] | npm run i18n:status -- --stamp <translation.md>…\n");
  process.exit(2);
}
for (const given of values.stamp ? positionals : []) {
  const file = relative(root, resolve(root, given)).split(sep).join("/");
  const page = model.pages.find((p) => p.file === file);
  const sourceLang = page && sourceLangOf(page, model.defaultLang);
  const source = model.pages.find((p) => p.lang === sourceLang && p.key === page?.key);
  if (!page?.lang || page.lang === sourceLang || !source?.source) {
    process.stderr.write(`error: ${given} is not a translation of an existing ${model.defaultLang} page\n`);
    failed = true;
    continue;
  }
  const hash = sourceHash(source.data, source.source.body);
  writeFileSync(join(root, file), stampTranslation(readFileSync(join(root, file), "utf8"), { lang: sourceLang!, hash }));
  process.stdout.write(`stamped ${file}: translation of ${source.file} at ${hash}\n`);
}
if (!values.stamp) {
  const rows = translationStatus(model);
  if (values.json) {
    const json = rows.map((row) => ({ page: row.key, ...Object.fromEntries([...row.cells].map(([lang, cell]) => [lang, cell.state])) }));
    process.stdout.write(JSON.stringify(json, null, 2) + "\n");
  } else {
    process.stdout.write(formatStatusTable(rows, model.languages) + "\n");
  }
}
process.exitCode = failed ? 1 : 0;
