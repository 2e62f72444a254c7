/** Code blocks: keyboard scrolling and a Copy button on each `pre.code-block`. */
import { bindCopy, canCopy } from "./clipboard.ts";
import { all, h } from "./dom.ts";
import type { Strings } from "./strings.ts";

/**
 * Makes each block focusable, so a block that scrolls sideways (on a phone, most do) can be
 * scrolled with the arrow keys. Wraps it so the button stays put while the code scrolls,
 * and copies the code's text (what the reader sees, without the highlighting markup).
 */
export function initCodeCopy(s: Strings): void {
  const blocks = all("pre.code-block");
  for (const pre of blocks) pre.tabIndex = 0;
  if (!canCopy()) return;
  for (const pre of blocks) {
    const status = h("span", { class: "copy-status", role: "status" });
    const button = h("button", { type: "button", class: "code-copy", "aria-label": s("copy.code") }, s("copy.copy"));
    const wrap = h("div", { class: "code-block-wrap" });
    pre.replaceWith(wrap);
    wrap.append(pre, h("div", { class: "code-tools" }, status, button));
    bindCopy(button, status, s, () => (pre.querySelector("code") ?? pre).textContent ?? "");
  }
}
