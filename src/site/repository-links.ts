/** "Edit this page" and "Report a problem": links into the site's GitHub repository, no server needed. */
import type { SiteConfig } from "./site-config.ts";

/** The page's source file on the repository's edit screen; undefined without a repository. */
export function editUrl(config: SiteConfig, sourcePath: string): string | undefined {
  const repo = config.repository;
  if (!repo) return undefined;
  const path = [repo.dir, sourcePath.replace(/\\/g, "/").replace(/^\.?\//, "")].filter(Boolean).join("/");
  return `${repo.url}/edit/${encodeURIComponent(repo.branch)}/${path.split("/").map(encodeURIComponent).join("/")}`;
}

/** A new issue prefilled with a title and a body naming the page's public URL; undefined without a repository. */
export function reportUrl(config: SiteConfig, issue: { title: string; body: string }): string | undefined {
  const repo = config.repository;
  if (!repo) return undefined;
  const query = new URLSearchParams({ title: issue.title, body: issue.body });
  return `${repo.url}/issues/new?${query}`;
}
