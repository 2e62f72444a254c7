/** Small questions about site URLs and file paths, shared by the check, the nav and the build. */

/** `./content/a.md` and `content\a.md` both become `content/a.md`. */
export function normalisePath(p: string): string {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}

/** `/ja/a/index.html` and `/ja/a/` are the same page. */
export function normaliseUrl(url: string): string {
  return url.replace(/index\.html$/, "");
}
