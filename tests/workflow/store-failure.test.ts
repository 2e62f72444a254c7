/**
 * Issue #15: any failure reading one workflow becomes a diagnostic for that workflow, never
 * a crashed build. The drawing is made to throw, as an unforeseen bug on a strange file would.
 */
import { describe, expect, test, vi } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { renderMarkdown } from "../helpers/render.ts";
import { WorkflowStore } from "../../src/workflow/workflow-store.ts";
import { fixturesRoot } from "./fixture-files.ts";

vi.mock("../../src/workflow/workflow-svg.ts", () => ({
  drawWorkflow: () => {
    throw new RangeError("Maximum call stack size exceeded");
  },
}));

describe("a workflow that makes the reader throw", () => {
  test("is that file's workflow/unreadable problem, and other blocks still render", () => {
    const md = createMarkdown({ root: fixturesRoot, workflows: new WorkflowStore() });
    const { diagnostics } = renderMarkdown(md, "Intro\n\n[](/workflows/ui-basic.json)\n", { file: "content/en/s/page.md", lang: "en" });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "content/en/s/page.md:3:1: error: workflows/ui-basic.json: the file could not be read (RangeError: Maximum call stack size exceeded); please report it with the file (workflow/unreadable)",
    ]);
    // The page still renders: the link stays, named by its file.
    expect(renderMarkdown(md, "[](/workflows/ui-basic.json)\n").html).toBe('<p><a href="/workflows/ui-basic.json">ui-basic.json</a></p>\n');
  });
});
