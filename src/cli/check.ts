/**
 * `npm run check`: every content problem, one per line as `path:line:col: severity:
 * message (rule-id)`, then a summary. `--json` for machines, `--root <dir>` for another
 * site tree. Exit code 1 when there is any error. Parses only: no Eleventy, no HTML.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkSite } from "../check/check-site.ts";
import { formatReport } from "../check/report.ts";
import { hasErrors } from "../diagnostics.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { BodyRenderer } from "../markdown/render-body.ts";
import { WorkflowStore } from "../workflow/workflow-store.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    root: { type: "string", default: "." },
    content: { type: "string", default: "content" },
  },
});

const root = resolve(values.root!);
const workflows = new WorkflowStore();
const { model, diagnostics } = checkSite({ root, contentDir: values.content!, bodies: new BodyRenderer(createMarkdown({ root, workflows })), workflows });
process.stdout.write(formatReport(diagnostics, model.pages.length, values.json ? "json" : "text") + "\n");
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
