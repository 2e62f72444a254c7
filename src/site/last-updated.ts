/**
 * "Last updated" of a page: front matter `lastUpdated` when set, else the commit date of
 * its file in git. One `git log` per build reads every file's date (not one process per page).
 */
import { execFileSync } from "node:child_process";

/** Commit dates (ISO 8601) by path relative to the site root; empty outside git or in a shallow clone. */
export interface GitDates {
  dates: ReadonlyMap<string, string>;
  /** Why there are none, for one warning: "shallow" clones date every file to the last commit. */
  unavailable?: "not-a-repository" | "shallow";
}

function git(root: string, args: string[]): string {
  return execFileSync("git", ["-c", "core.quotepath=off", ...args], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
}

/**
 * Parses `git log --format=%x00%cI --name-only`: each commit is a NUL, its date, then the
 * files it touched. The log is newest first, so a file's first date is its last change.
 */
export function parseGitLog(log: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const record of log.split("\0").slice(1)) {
    const [date = "", ...files] = record.split("\n");
    for (const file of files) if (file && !dates.has(file)) dates.set(file, date.trim());
  }
  return dates;
}

/** Reads the last commit date of every file under `dir` (relative to `root`). Never touches the network. */
export function readGitDates(root: string, dir: string): GitDates {
  try {
    if (git(root, ["rev-parse", "--is-shallow-repository"]).trim() === "true") return { dates: new Map(), unavailable: "shallow" };
    // --relative: paths relative to `root` (which may be a subfolder of the repository).
    return { dates: parseGitLog(git(root, ["log", "--relative", "--format=%x00%cI", "--name-only", "--", dir])) };
  } catch {
    return { dates: new Map(), unavailable: "not-a-repository" };
  }
}

/**
 * When a page last changed, as an ISO 8601 instant in UTC: the front matter override (a
 * YAML date, which gray-matter reads as a Date, or a date string), else the git date.
 * Undefined when neither is known.
 */
export function lastUpdated(override: unknown, gitDate: string | undefined): string | undefined {
  const value = override instanceof Date ? override : typeof override === "string" && override.trim() ? new Date(override.trim()) : gitDate ? new Date(gitDate) : undefined;
  if (!value || Number.isNaN(value.getTime())) return undefined;
  return value.toISOString();
}

/** An instant's UTC date shown in a language (`ja` → 2026年1月31日, `en` → January 31, 2026): every build agrees. */
export function formatDate(instant: string, htmlLang: string): string {
  let format = formats.get(htmlLang);
  // One formatter per language: making one loads locale data, formatting with it is cheap.
  if (!format) formats.set(htmlLang, (format = new Intl.DateTimeFormat(htmlLang, { dateStyle: "long", timeZone: "UTC" })));
  return format.format(new Date(instant));
}

const formats = new Map<string, Intl.DateTimeFormat>();
