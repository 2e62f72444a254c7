/** Clipboard writes and the "Copied" / error feedback every copy button shows. */
import { h } from "./dom.ts";
import type { Strings } from "./strings.ts";

/** True where the async clipboard API exists (secure contexts only). */
export const canCopy = (): boolean => typeof navigator !== "undefined" && !!navigator.clipboard;

/**
 * Writes text to the clipboard. Text that is still being fetched goes in as a promised
 * ClipboardItem: WebKit drops the click's user activation across an `await`, and a
 * promise handed over synchronously keeps it. Where that fails, writeText takes over.
 */
export async function copyText(text: string | Promise<string>): Promise<void> {
  if (typeof text !== "string" && typeof ClipboardItem === "function") {
    try {
      const blob = text.then((value) => new Blob([value], { type: "text/plain" }));
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
      return;
    } catch {
      // Fall through: writeText below rethrows a fetch error itself.
    }
  }
  await navigator.clipboard.writeText(await text);
}

const timers = new WeakMap<Element, number>();

/** Shows `state` on the button and its text in the status region, then clears both. */
export function showCopyState(button: HTMLElement, status: HTMLElement | null, state: "copied" | "error", text: string): void {
  button.dataset.state = state;
  if (status) {
    status.textContent = text;
    status.dataset.state = state;
  }
  clearTimeout(timers.get(button));
  timers.set(
    button,
    window.setTimeout(() => {
      delete button.dataset.state;
      if (status) status.textContent = "";
    }, state === "error" ? 5000 : 2500),
  );
}

/** Copies on click with feedback: "Copied", or the failure message when fetch or clipboard fails. */
export function bindCopy(button: HTMLElement, status: HTMLElement | null, s: Strings, text: () => string | Promise<string>): void {
  button.addEventListener("click", () => {
    copyText(text()).then(
      () => showCopyState(button, status, "copied", s("copy.copied")),
      () => showCopyState(button, status, "error", s("copy.failed")),
    );
  });
}

/** A page-wide polite status message, for copies that have no status region of their own. */
export function toast(text: string, state: "copied" | "error" = "copied"): void {
  const el = document.querySelector<HTMLElement>(".copy-toast") ?? document.body.appendChild(h("div", { class: "copy-toast", role: "status" }));
  showCopyState(el, el, state, text);
}
