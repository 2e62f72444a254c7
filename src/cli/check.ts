/**
 * `npm run check`: every content problem, one per line as `path:line:col: severity:
 * message (rule-id)`, then a summary. `--json` prints JSON instead (run it as
 * `npm run -s check -- --json`: without `-s` npm prints its own banner first);
 * `--json-file <path>` writes the JSON there and keeps the text on stdout.
 * `--root <dir>` checks another site tree. Exit code 1 when there is any error.
 * Content only and fast: no type check (`npm run typecheck`), no Eleventy, no HTML.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkSite } from "../check/check-site.ts";
import { formatReport } from "../check/report.ts";
import { hasErrors } from "../diagnostics.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { BodyRenderer } from "../markdown/render-body.ts";
import { DiskCache, projectCacheDir } from "../util/disk-cache.ts";
import { WorkflowStore } from "../workflow/workflow-store.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    "json-file": { type: "string" },
    root: { type: "string", default: "." },
    content: { type: "string", default: "content" },
  },
});

const root = resolve(values.root!);
// The same results on disk as the build's: a check after a build (or before one) renders only what changed.
const cacheDir = projectCacheDir(root);
const workflows = new WorkflowStore(new DiskCache(cacheDir, "workflows", root, { deferWrites: true }));
const bodies = new BodyRenderer(() => createMarkdown({ root, workflows }), new DiskCache(cacheDir, "bodies", root, { deferWrites: true }));
const { model, diagnostics } = checkSite({ root, contentDir: values.content!, bodies, workflows });
const files = model.pages.length;
if (values["json-file"]) writeFileSync(resolve(values["json-file"]), formatReport(diagnostics, files, "json") + "\n");
process.stdout.write(formatReport(diagnostics, files, values.json ? "json" : "text") + "\n");
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
// After the report: what this check rendered is there for the next run.
await bodies.flushDisk();
await workflows.flushDisk();
