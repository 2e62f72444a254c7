import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatDate, lastUpdated, parseGitLog, readGitDates } from "../../src/site/last-updated.ts";

function git(cwd: string, args: string[], date?: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" };
  return execFileSync("git", args, { cwd, env, stdio: ["ignore", "pipe", "ignore"] }).toString();
}

/** A repository whose site sits in `site/`: a.md changed in 2024 and again in 2025, b.md only in 2024. */
function repository(): string {
  const repo = mkdtempSync(join(tmpdir(), "git-dates-"));
  git(repo, ["init", "-q", "-b", "main"]);
  mkdirSync(join(repo, "site/content/ja"), { recursive: true });
  writeFileSync(join(repo, "site/content/ja/a.md"), "one\n");
  writeFileSync(join(repo, "site/content/ja/b.md"), "one\n");
  git(repo, ["add", "."]);
  git(repo, ["commit", "-qm", "first"], "2024-03-04T05:06:07+09:00");
  writeFileSync(join(repo, "site/content/ja/a.md"), "two\n");
  git(repo, ["commit", "-qam", "second"], "2025-06-07T08:09:10Z");
  return repo;
}

describe("git dates", () => {
  test("parseGitLog keeps each file's newest date", () => {
    const log = "\x002025-01-02T00:00:00Z\n\ncontent/a.md\n\x002024-01-01T00:00:00Z\n\ncontent/a.md\ncontent/b.md\n";
    expect([...parseGitLog(log)]).toEqual([["content/a.md", "2025-01-02T00:00:00Z"], ["content/b.md", "2024-01-01T00:00:00Z"]]);
  });

  test("readGitDates: the last commit of each file, relative to a site root inside the repository", () => {
    const { dates, unavailable } = readGitDates(join(repository(), "site"), "content");
    expect(unavailable).toBeUndefined();
    expect(new Date(dates.get("content/ja/a.md")!).toISOString()).toBe("2025-06-07T08:09:10.000Z");
    expect(new Date(dates.get("content/ja/b.md")!).toISOString()).toBe("2024-03-03T20:06:07.000Z");
  });

  test("a shallow clone gives no dates (every file would show the last commit), and says so", () => {
    const clone = mkdtempSync(join(tmpdir(), "git-shallow-"));
    git(clone, ["clone", "-q", "--depth", "1", `file://${repository()}`, "."]);
    expect(readGitDates(join(clone, "site"), "content")).toEqual({ dates: new Map(), unavailable: "shallow" });
  });

  test("outside a repository there are no dates", () => {
    expect(readGitDates(mkdtempSync(join(tmpdir(), "no-git-")), "content").unavailable).toBe("not-a-repository");
  });
});

describe("lastUpdated", () => {
  test("front matter wins over git, as a YAML date or a string", () => {
    expect(lastUpdated(new Date("2026-01-31T00:00:00Z"), "2020-01-01T00:00:00Z")).toBe("2026-01-31T00:00:00.000Z");
    expect(lastUpdated("2026-02-01", "2020-01-01T00:00:00Z")).toBe("2026-02-01T00:00:00.000Z");
    expect(lastUpdated(undefined, "2020-01-01T09:00:00+09:00")).toBe("2020-01-01T00:00:00.000Z");
    expect(lastUpdated(undefined, undefined)).toBeUndefined();
    expect(lastUpdated("not a date", undefined)).toBeUndefined();
  });

  test("is shown in the page's language, in UTC", () => {
    expect(formatDate("2026-01-31T23:30:00.000Z", "ja")).toBe("2026年1月31日");
    expect(formatDate("2026-01-31T23:30:00.000Z", "en")).toBe("January 31, 2026");
  });
});
