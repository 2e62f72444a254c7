/** Small DOM helpers shared by the features, kept tiny for the JavaScript budget. */
import { wrapFocus } from "./keyboard.ts";

/** Creates an element; `true` sets an empty attribute, `false`/undefined leaves it out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== false && value !== undefined) el.setAttribute(name, value === true ? "" : value);
  }
  el.append(...children);
  return el;
}

/** Every element matching `selector`, as an array. */
export const all = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] =>
  Array.from(root.querySelectorAll<T>(selector));

/**
 * Locks page scrolling under a modal. CSS keeps the scrollbar's gutter while locked, so
 * nothing shifts sideways and the scroll position stays where it was.
 */
export function lockScroll(locked: boolean): void {
  document.documentElement.classList.toggle("scroll-locked", locked);
}

const TABBABLE = "a[href], button, input, [tabindex='0'], video[controls]";

/**
 * Keeps Tab inside a modal dialog. `showModal()` makes the page inert but lets Tab leave
 * for the browser's own controls; this wraps it round instead.
 */
export function trapFocus(dialog: HTMLElement): void {
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Tab") return;
    // Hidden and disabled controls take no focus; getClientRects is empty for hidden ones.
    const items = all(TABBABLE, dialog).filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    const to = wrapFocus(items.indexOf(document.activeElement as HTMLElement), items.length, event.shiftKey);
    if (to === undefined) return;
    event.preventDefault();
    items[to]!.focus();
  });
}

/** The toolbar over a media item's top-left corner, shared by the lightbox and video buttons. */
export function mediaTools(media: HTMLElement): HTMLElement {
  const holder = media.closest("figure") ?? media.parentElement!;
  let tools = holder.querySelector<HTMLElement>(":scope > .media-tools");
  if (!tools) {
    tools = h("div", { class: "media-tools" });
    holder.classList.add("has-controls");
    holder.append(tools);
  }
  return tools;
}
