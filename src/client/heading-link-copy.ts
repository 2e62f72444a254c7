/** Heading anchors: a click still jumps to the heading, and also copies its absolute URL. */
import { canCopy, copyText, toast } from "./clipboard.ts";
import { absoluteLink } from "./heading-position.ts";
import type { Strings } from "./strings.ts";

/**
 * Plain clicks only: Ctrl/Cmd/Shift/Alt-clicks (new tab, new window, download) keep their
 * browser meaning. The default navigation is never prevented, so the URL bar shows the link too.
 */
export function initHeadingLinkCopy(s: Strings): void {
  if (!canCopy()) return;
  document.addEventListener("click", (event) => {
    const anchor = (event.target as Element | null)?.closest?.<HTMLAnchorElement>("a.heading-anchor");
    if (!anchor || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    copyText(absoluteLink(anchor.getAttribute("href") ?? "", location.href)).then(
      () => toast(s("copy.link")),
      () => toast(s("copy.failed"), "error"),
    );
  });
}
