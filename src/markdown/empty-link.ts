/**
 * Links a reader cannot use: `[text]()` (no target: it only reloads the page) is an error,
 * and `[](/target/)` (no text: an invisible `<a></a>`) a warning. Runs after the workflow
 * rule, which turns a lone workflow link into a block and names the others.
 */
import { envOf } from "./render-env.ts";
import { reportAt, type MarkdownIt } from "./types.ts";

/** Registers the core rule that reports empty links. */
export function emptyLinkPlugin(md: MarkdownIt): void {
  md.core.ruler.push("empty_link", (state) => {
    const env = envOf(state.env);
    for (const token of state.tokens) {
      if (token.type !== "inline" || !token.children) continue;
      let line = (token.map?.[0] ?? 0) + 1;
      const children = token.children;
      for (let k = 0; k < children.length; k++) {
        const child = children[k]!;
        if (child.type === "softbreak" || child.type === "hardbreak") line++;
        if (child.type !== "link_open" || child.markup === "linkify" || child.info === "auto") continue;
        const href = String(child.attrGet("href") ?? "");
        if (href.trim() === "") {
          reportAt(env, { line }, "error", "links/empty", "a link with no target (`[text]()`): write the page or file it should open inside the parentheses");
        } else if (children[k + 1]?.type === "link_close") {
          reportAt(env, { line }, "warning", "links/empty-text", `the link to ${href} has no text, so readers cannot see it: write its text inside the brackets`);
        }
      }
    }
  });
}
