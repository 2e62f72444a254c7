/** Small questions about site URLs and file paths, shared by the check, the nav and the build. */
import { relative, resolve, sep } from "node:path";

/** `./content/a.md` and `content\a.md` both become `content/a.md`. */
export function normalisePath(p: string): string {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}

/** `/ja/a/index.html` and `/ja/a/` are the same page. */
export function normaliseUrl(url: string): string {
  return url.replace(/index\.html$/, "");
}

/** `path` relative to `root`, with forward slashes: how diagnostics and the body renderer name a file. */
export function projectRelativePath(root: string, path: string): string {
  return relative(root, resolve(path)).split(sep).join("/");
}
