import { describe, expect, test } from "vitest";
import { repositoryLinks } from "../../src/site/page-furniture.ts";
import { editUrl, reportUrl } from "../../src/site/repository-links.ts";
import type { SiteConfig } from "../../src/site/site-config.ts";

const base = { url: "https://user.github.io/repo", ogImage: "/og.png", favicon: "/assets/favicon.svg", themeColor: "#000", identity: {} } satisfies SiteConfig;
const withRepo: SiteConfig = { ...base, repository: { url: "https://github.com/user/repo", branch: "main", dir: "" } };

describe("repository links", () => {
  test("edit opens the source file on the branch, inside the project's folder of the repository", () => {
    expect(editUrl(withRepo, "content/ja/basic-workflows/sd15-lora.md")).toBe("https://github.com/user/repo/edit/main/content/ja/basic-workflows/sd15-lora.md");
    const nested: SiteConfig = { ...base, repository: { url: "https://github.com/u/r", branch: "dev/x", dir: "docs" } };
    expect(editUrl(nested, "content/ja/ページ.md")).toBe("https://github.com/u/r/edit/dev%2Fx/docs/content/ja/%E3%83%9A%E3%83%BC%E3%82%B8.md");
  });

  test("report opens a new issue whose body names the page's public URL", () => {
    const url = new URL(reportUrl(withRepo, { title: "T & U", body: "Page: x" })!);
    expect(`${url.origin}${url.pathname}`).toBe("https://github.com/user/repo/issues/new");
    expect(Object.fromEntries(url.searchParams)).toEqual({ title: "T & U", body: "Page: x" });
    const links = repositoryLinks(withRepo, { lang: "en", title: "LoRA", url: "/en/a/", sourcePath: "content/en/a.md" });
    expect(new URL(links.report!.url).searchParams.get("body")).toContain("Page: https://user.github.io/repo/en/a/");
    expect(new URL(links.report!.url).searchParams.get("title")).toBe("Problem on “LoRA”");
    expect(links.edit).toEqual({ url: "https://github.com/user/repo/edit/main/content/en/a.md", label: "Edit this page" });
  });

  test("nothing without a repository; no edit link for a page without a source file", () => {
    expect(repositoryLinks(base, { lang: "ja", title: "x", url: "/ja/", sourcePath: "content/ja/index.md" })).toEqual({});
    expect(repositoryLinks(withRepo, { lang: "ja", title: "x", url: "/ja/404.html" }).edit).toBeUndefined();
  });
});
