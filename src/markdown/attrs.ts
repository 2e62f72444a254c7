/** markdown-it-attrs, registered with the attributes authors may set and nothing else. */
import markdownIt from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import { parseObserver, type AttributeSnapshot } from "./parse-observer.ts";
import type { MarkdownIt, StateCore, Token } from "./types.ts";

/**
 * Attributes `{…}` may set. Everything else — `on*` handlers, `style`, `href`/`src`
 * overrides, `srcdoc` — is dropped by markdown-it-attrs before any renderer sees it.
 * `gyazo` and `media` are consumed by the media plugin and never reach the HTML.
 */
export const ALLOWED_ATTRIBUTES: readonly string[] = ["id", "class", "lang", "title", "gyazo", "media"];

type CoreRule = (state: StateCore) => boolean | void;

/** Applies markdown-it-attrs to `md` and returns its core rule (markdown-it looks rules up by name only to replace them). */
function useAttrs(md: MarkdownIt, allowedAttributes: string[]): CoreRule {
  const existing = new Set(md.core.ruler.getRules(""));
  md.use(markdownItAttrs, { allowedAttributes });
  const added = md.core.ruler.getRules("").filter((rule) => !existing.has(rule));
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
 * Leaves every token as the allowlisted rule would have: markdown-it-attrs only changes
 * existing attributes in place (`attrSet`, `attrJoin`) or appends, so a token's first
 * entries are its earlier ones; those outside the allowlist get their earlier value
 * back and appended ones outside it go.
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
 * Registers markdown-it-attrs with the allowlist above. When the content check observes
 * the parse (src/markdown/parse-observer.ts), the rule instead applies every attribute,
 * lets the check see what the author asked for, then removes what the allowlist would
 * not have let through, so that the plugins after it see the very same tokens.
 */
export function attrsPlugin(md: MarkdownIt): void {
  const allowlisted = useAttrs(md, [...ALLOWED_ATTRIBUTES]);
  // The same rule without a limit; the scratch instance only lends it.
  const unrestricted = useAttrs(markdownIt(), []);
  md.core.ruler.at("curly_attributes", (state) => {
    const observer = parseObserver(state.env);
    if (!observer) return allowlisted(state);
    const before = snapshot(state.tokens);
    unrestricted(state);
    observer.attributes(state.tokens, before);
    removeDisallowed(state.tokens, before);
  });
}
