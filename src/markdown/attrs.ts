/** markdown-it-attrs behind one allowlist rule that records what it drops. */
import markdownIt from "markdown-it";
import type markdownItAttrsPlugin from "markdown-it-attrs";
import { loadPackage } from "../util/lazy-package.ts";
import { collectFacts, type AttributeSnapshot } from "./facts.ts";
import { envOf } from "./render-env.ts";
import type { MarkdownIt, StateCore, Token } from "./types.ts";

/**
 * Attributes `{…}` may set. Everything else — `on*` handlers, `style`, `href`/`src`
 * overrides, `srcdoc` — is removed before any renderer sees it, and reported by the
 * check (src/check/rules/files.ts) from `env.facts.droppedAttributes`.
 * `gyazo` and `media` are consumed by the media plugin and never reach the HTML.
 */
export const ALLOWED_ATTRIBUTES: readonly string[] = ["id", "class", "lang", "title", "gyazo", "media"];

type CoreRule = (state: StateCore) => boolean | void;

/** markdown-it-attrs, loaded as a Markdown instance is made (src/util/lazy-package.ts). */
const markdownItAttrs = () => loadPackage<typeof markdownItAttrsPlugin>("markdown-it-attrs");

/** markdown-it-attrs' core rule without a limit; a scratch instance lends it. */
function unrestrictedAttrs(): CoreRule {
  const scratch = markdownIt();
  const existing = new Set(scratch.core.ruler.getRules(""));
  scratch.use(markdownItAttrs(), { allowedAttributes: [] });
  const added = scratch.core.ruler.getRules("").filter((rule) => !existing.has(rule));
  if (added.length !== 1) throw new Error(`markdown-it-attrs added ${added.length} core rules, expected 1`);
  return added[0]!;
}

function eachToken(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.children) eachToken(token.children, visit);
  }
}

function snapshot(tokens: readonly Token[]): Map<Token, AttributeSnapshot> {
  const before = new Map<Token, AttributeSnapshot>();
  eachToken(tokens, (token) => before.set(token, token.attrs ? token.attrs.map(([name, value]) => [name, value] as const) : null));
  return before;
}

/**
 * Leaves every token with the attributes it had plus the allowed ones `{…}` set:
 * markdown-it-attrs only changes existing attributes in place (`attrSet`, `attrJoin`) or
 * appends, so a token's first entries are its earlier ones; those outside the allowlist
 * get their earlier value back and appended ones outside it go.
 */
function removeDisallowed(tokens: readonly Token[], before: ReadonlyMap<Token, AttributeSnapshot>): void {
  eachToken(tokens, (token) => {
    if (!token.attrs) return;
    const earlier = before.get(token) ?? null;
    const kept: Array<[string, string | number]> = [];
    token.attrs.forEach(([name, value], i) => {
      const was = earlier?.[i];
      if (was && was[0] !== name) throw new Error(`markdown-it-attrs reordered the attributes of a ${token.type} token`);
      if (ALLOWED_ATTRIBUTES.includes(name)) kept.push([name, value]);
      else if (was) kept.push([name, was[1]]);
    });
    token.attrs = kept.length === 0 && earlier === null ? null : kept;
  });
}

/**
 * The allowlist rule, in markdown-it-attrs' place: applies every `{…}` attribute, records
 * what the author wrote (links, images, attributes) into `env.facts`, then removes what
 * the allowlist does not let through, so the plugins after it see allowlisted tokens.
 * One path for every render: the check and the build ship the same tokens.
 */
export function attrsPlugin(md: MarkdownIt): void {
  md.use(markdownItAttrs(), { allowedAttributes: [...ALLOWED_ATTRIBUTES] });
  const unrestricted = unrestrictedAttrs();
  md.core.ruler.at("curly_attributes", (state) => {
    const env = envOf(state.env);
    const before = snapshot(state.tokens);
    unrestricted(state);
    collectFacts(state.tokens, { body: env.source, bodyLineOffset: env.bodyLineOffset }, before, env.rawHtml, env.facts);
    removeDisallowed(state.tokens, before);
  });
}
