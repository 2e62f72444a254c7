import { expect, test, vi } from "vitest";
import { checkSite } from "../../src/check/check-site.ts";
import { createMarkdown } from "../../src/markdown/create-markdown.ts";
import { BodyRenderer } from "../../src/markdown/render-body.ts";
import { WorkflowStore } from "../../src/workflow/workflow-store.ts";
import { projectRoot } from "../helpers/eleventy.ts";

test("blocks and link checks share one workflow store: each linked file is parsed once", () => {
  const workflows = new WorkflowStore();
  const load = vi.spyOn(workflows, "load");
  const md = createMarkdown({ root: projectRoot, workflows });
  const { model } = checkSite({ root: projectRoot, contentDir: "content", bodies: new BodyRenderer(md), workflows });

  const links = model.pages.flatMap((page) => page.facts.links.map((l) => l.href)).filter((href) => /^\/workflows\/.*\.json$/.test(href));
  const distinct = new Set(links);
  expect(distinct.size).toBeGreaterThanOrEqual(4);
  // Every block asks the store, and the links rule asks it once per file...
  expect(load).toHaveBeenCalledTimes(links.length + distinct.size);
  // ...yet each file is parsed (and its preview drawn) only once.
  expect(workflows.counts.parsed).toBe(distinct.size);
});
