/**
 * Workflow previews open in a viewer with pan and zoom: wheel (at the cursor), pinch and
 * drag (pointer events), keys `+ - 0` and arrows, and a reset button. It shares the
 * lightbox's dialog look; without JavaScript the preview link opens the SVG itself.
 */
import { all, h, lockScroll, trapFocus } from "./dom.ts";
import { isComposing } from "./keyboard.ts";
import { initialView, panBy, viewForKey, wheelFactor, zoomAt, type View } from "./pan-zoom.ts";
import type { Strings } from "./strings.ts";

/** Builds the dialog once; `open(link)` shows that link's preview. */
function createViewer(s: Strings) {
  const button = (name: string, label: string, glyph: string) => h("button", { type: "button", class: `workflow-viewer-${name}`, "aria-label": label }, glyph);
  const zoomIn = button("in", s("workflow.zoomIn"), "+");
  const zoomOut = button("out", s("workflow.zoomOut"), "−");
  const reset = button("reset", s("workflow.reset"), "⟲");
  const close = button("close", s("lightbox.close"), "×");
  const title = h("span", { class: "lightbox-position" });
  const stage = h("div", { class: "workflow-viewer-stage", tabindex: "0" });
  const dialog = h("dialog", { class: "lightbox workflow-viewer", "aria-label": s("workflow.viewer") },
    h("div", { class: "lightbox-bar" }, title, zoomOut, zoomIn, reset, close), stage);
  document.body.append(dialog);
  trapFocus(dialog);

  let image: HTMLImageElement | undefined;
  let view: View = { scale: 1, x: 0, y: 0 };
  let first: View = view;
  let opener: HTMLElement | undefined;
  const stageSize = () => ({ width: stage.clientWidth, height: stage.clientHeight });
  const apply = (next: View) => {
    view = next;
    if (image) image.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  };
  const middle = () => ({ x: stage.clientWidth / 2, y: stage.clientHeight / 2 });

  zoomIn.addEventListener("click", () => apply(zoomAt(view, 1.25, middle())));
  zoomOut.addEventListener("click", () => apply(zoomAt(view, 1 / 1.25, middle())));
  reset.addEventListener("click", () => apply(first));
  close.addEventListener("click", () => dialog.close());
  stage.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = stage.getBoundingClientRect();
    apply(zoomAt(view, wheelFactor(event.deltaY), { x: event.clientX - box.left, y: event.clientY - box.top }));
  }, { passive: false });

  // One pointer pans; two pinch, around their midpoint.
  const pointers = new Map<number, { x: number; y: number }>();
  stage.addEventListener("pointerdown", (event) => {
    stage.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  });
  stage.addEventListener("pointermove", (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    const now = { x: event.clientX, y: event.clientY };
    if (pointers.size === 1) apply(panBy(view, now.x - last.x, now.y - last.y));
    else if (pointers.size === 2) {
      const other = [...pointers].find(([id]) => id !== event.pointerId)![1];
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(now.x - other.x, now.y - other.y);
      const box = stage.getBoundingClientRect();
      if (before > 0) apply(zoomAt(view, after / before, { x: (now.x + other.x) / 2 - box.left, y: (now.y + other.y) / 2 - box.top }));
    }
    pointers.set(event.pointerId, now);
  });
  for (const type of ["pointerup", "pointercancel"]) stage.addEventListener(type, (event) => pointers.delete((event as PointerEvent).pointerId));

  dialog.addEventListener("keydown", (event) => {
    if (isComposing(event)) return;
    const next = viewForKey(event.key, view, stageSize(), first);
    if (!next) return;
    event.preventDefault();
    apply(next);
  });
  dialog.addEventListener("close", () => {
    stage.replaceChildren();
    image = undefined;
    lockScroll(false);
    opener?.focus({ preventScroll: true });
  });

  return {
    open(link: HTMLAnchorElement) {
      opener = link;
      const inline = link.querySelector("img");
      const width = Number(inline?.getAttribute("width")) || 1;
      const height = Number(inline?.getAttribute("height")) || 1;
      image = h("img", { src: link.href, alt: inline?.alt ?? "", width: String(width), height: String(height), draggable: "false" });
      title.textContent = link.closest(".workflow-block")?.querySelector(".workflow-file")?.textContent ?? "";
      stage.replaceChildren(image);
      lockScroll(true);
      dialog.showModal();
      first = initialView({ width, height }, stageSize());
      apply(first);
      stage.focus({ preventScroll: true });
    },
  };
}

/** Opens each workflow preview in the viewer; modified clicks keep their browser meaning. */
export function initWorkflowViewer(s: Strings): void {
  let viewer: ReturnType<typeof createViewer> | undefined;
  for (const link of all<HTMLAnchorElement>(".workflow-block a.workflow-preview")) {
    link.setAttribute("aria-haspopup", "dialog");
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      (viewer ??= createViewer(s)).open(link);
    });
  }
}
