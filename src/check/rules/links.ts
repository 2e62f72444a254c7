/** Internal links: each page, `#anchor` and `/workflows/` file a link names must exist. */
import type { Diagnostic } from "../../diagnostics.ts";
import { urlOf } from "../../content/page-identity.ts";
import { normaliseUrl } from "../../util/url-path.ts";
import { resolveLink, suggestPage } from "../resolve-link.ts";
import { finding, type Rule } from "../rule.ts";
import type { SiteModel, SitePage } from "../site-model.ts";
import { workflowFileProblem } from "../workflow-file.ts";

function listIds(ids: ReadonlySet<string>): string {
  const list = [...ids].slice(0, 8).map((id) => `#${id}`);
  return list.length === 0 ? "it has none" : `it has ${list.join(", ")}${ids.size > 8 ? ", …" : ""}`;
}

/** Where each draft page would be published, were it not a draft. */
function draftUrls(model: SiteModel): Map<string, SitePage> {
  const drafts = new Map<string, SitePage>();
  for (const page of model.pages) {
    if (page.data.draft !== true) continue;
    const url = page.permalink ?? (page.identity && urlOf(page.identity));
    if (url) drafts.set(normaliseUrl(url), page);
  }
  return drafts;
}

function pageLinkProblems(page: SitePage, model: SiteModel, workflowCache: Map<string, string | undefined>, drafts: ReadonlyMap<string, SitePage>): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A workflow block reports its own file problems (workflow/*): do not say it twice.
  const workflowLines = new Set(page.parseDiagnostics.filter((d) => d.rule.startsWith("workflow/")).map((d) => d.line));
  for (const link of page.facts.links) {
    const target = resolveLink(link.href, page, model);
    if (target.kind === "no-page" && link.kind === "link") {
      const draft = drafts.get(target.path);
      if (draft) {
        const message = `link to ${target.path}: ${draft.file} is a draft (draft: true), which is not published; readers would get a 404 until it is`;
        out.push(finding(page, link, "error", "links/draft", message));
      } else {
        const hint = suggestPage(target.path, model.byUrl.keys());
        const message = `link to ${target.path} does not match any page${hint ? `; did you mean ${hint}?` : ""}`;
        out.push(finding(page, link, "error", "links/broken", message));
      }
    }
    // An unreadable page (front-matter/yaml) was not parsed: its anchors are unknown.
    if (target.kind === "page" && target.fragment !== "" && target.page.source && !target.page.ids.has(target.fragment)) {
      const on = target.page === page ? "this page" : `${target.page.url} (${target.page.file})`;
      const message = `link to #${target.fragment}: no heading or element with that id on ${on}; ${listIds(target.page.ids)}`;
      out.push(finding(page, link, "error", "links/anchor", message));
    }
    if (target.kind === "workflow" && !workflowLines.has(link.line)) {
      if (!workflowCache.has(target.path)) workflowCache.set(target.path, workflowFileProblem(model.root, target, model.workflows));
      const problem = workflowCache.get(target.path);
      if (problem) out.push(finding(page, link, "error", "links/workflow", `link to /${target.path}: ${problem}`));
    }
  }
  return out;
}

/** Broken page links, links to drafts, missing anchors and bad workflow links, at the link's line and column. */
export const linksRule: Rule = (model) => {
  const workflowCache = new Map<string, string | undefined>();
  const drafts = draftUrls(model);
  return model.pages.flatMap((page) => pageLinkProblems(page, model, workflowCache, drafts));
};
