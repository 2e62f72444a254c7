/** Build-time syntax highlighting for fenced code blocks (no highlighter ships to the browser). */
import type { HLJSApi, LanguageFn } from "highlight.js";
import { loadPackage, onFirstUse } from "../util/lazy-package.ts";
import { envOf } from "./render-env.ts";
import { reportAt, type MarkdownIt, type StateCore, type Token } from "./types.ts";

// Windows users' guides need powershell (ps, ps1), dos (bat, cmd), ini (toml) and diff.
const LANGUAGES = ["bash", "diff", "dos", "ini", "javascript", "json", "plaintext", "powershell", "python", "shell", "typescript", "yaml"] as const;

// A private instance: registering languages on the shared default export would leak
// between callers. `newInstance` exists on the core build for exactly this. Made at the
// first fence: a build whose renders come from `.cache/` never loads highlight.js.
const highlighter = onFirstUse(() => {
  const instance = loadPackage<HLJSApi>("highlight.js/lib/core").newInstance();
  for (const name of LANGUAGES) instance.registerLanguage(name, loadPackage<LanguageFn>(`highlight.js/lib/languages/${name}`));
  return instance;
});

/** What the unknown-language warning offers (each name works, as do the usual aliases). */
const OFFERED = "bash, sh, shell, console, powershell, ps1, bat, cmd, json, python, javascript, typescript, yaml, toml, ini, diff, text";

/** Fence languages that are highlighted; aliases (`sh`, `js`, `ts`, `yml`, `text`, …) count too. */
export function isKnownLanguage(lang: string): boolean {
  return highlighter().getLanguage(lang) !== undefined;
}

/**
 * The HTML of one code block. highlight.js escapes the code it emits; unknown languages
 * are escaped here. `attrs` are the fence's `{…}` attributes, already allowlisted.
 */
export function renderCodeBlock(
  code: string,
  lang: string,
  attrs: ReadonlyArray<readonly [string, string | number]>,
  escapeHtml: (s: string) => string,
): string {
  const known = lang !== "" && isKnownLanguage(lang);
  const body = known ? highlighter().highlight(code, { language: lang, ignoreIllegals: true }).value : escapeHtml(code);
  const classes = ["code-block"];
  let preAttrs = "";
  for (const [name, value] of attrs) {
    if (name === "class") classes.push(String(value));
    else preAttrs += ` ${name}="${escapeHtml(String(value))}"`;
  }
  const langAttr = lang ? ` data-lang="${escapeHtml(lang)}"` : "";
  const codeClass = [known ? "hljs" : "", lang ? `language-${lang}` : ""].filter(Boolean).join(" ");
  const codeAttrs = codeClass ? ` class="${escapeHtml(codeClass)}"` : "";
  return `<pre class="${escapeHtml(classes.join(" "))}"${langAttr}${preAttrs}><code${codeAttrs}>${body}</code></pre>`;
}

/** The first word of a fence's info string, as markdown-it reads it. */
function fenceLanguage(token: Token, md: MarkdownIt): string {
  const info = token.info ? md.utils.unescapeAll(token.info).trim() : "";
  return info.split(/\s+/)[0] ?? "";
}

/**
 * Highlights fences at build time. The fence renderer still does the work: it is called
 * with a per-token `highlight` option, whose `<pre …>` result markdown-it emits as is
 * (that is the documented way to own the `<pre>`). Unknown languages get a warning.
 */
export function highlightPlugin(md: MarkdownIt): void {
  const previous = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const highlight = (code: string, lang: string) => renderCodeBlock(code, lang, token.attrs ?? [], md.utils.escapeHtml);
    return previous(tokens, idx, { ...options, highlight }, env, self);
  };
  md.core.ruler.push("code_language", (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type !== "fence") continue;
      const lang = fenceLanguage(token, md);
      if (lang && !isKnownLanguage(lang)) {
        reportAt(envOf(state.env), token, "warning", "code/unknown-language",
          `code block language "${lang}" is not highlighted; use one of ${OFFERED}`);
      }
    }
  });
}
