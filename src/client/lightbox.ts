/** Lightbox: article images and videos at full size in a modal dialog, with prev/next and zoom. */
import { all, h, lockScroll, mediaTools, trapFocus } from "./dom.ts";
import { isComposing, wrapIndex } from "./keyboard.ts";
import type { Strings } from "./strings.ts";

type Media = HTMLImageElement | HTMLVideoElement;

/** The full-size copy of an inline image or video, for the stage. */
function fullSize(source: Media): Media {
  const src = source.dataset.fullSrc!;
  if (source instanceof HTMLVideoElement) {
    const video = h("video", { src, controls: true, autoplay: true, playsinline: true, loop: source.loop });
    // The muted attribute only seeds a new element's state at creation; set the property.
    video.muted = source.muted;
    return video;
  }
  // Same aspect ratio as the inline image, so the box is right before the bytes arrive.
  return h("img", { src, alt: source.alt, width: source.getAttribute("width") ?? undefined, height: source.getAttribute("height") ?? undefined });
}

/** Builds the dialog once, on first open; `open(i, opener)` shows item i. */
function createViewer(items: Media[], s: Strings) {
  const button = (name: string, glyph: string, extra: Record<string, string | boolean> = {}) =>
    h("button", { type: "button", class: `lightbox-${name}`, "aria-label": s(`lightbox.${name}`), ...extra }, glyph);
  const position = h("span", { class: "lightbox-position" });
  const zoom = button("zoom", "+", { "aria-pressed": "false" });
  const prev = button("prev", "‹", { hidden: items.length < 2 });
  const next = button("next", "›", { hidden: items.length < 2 });
  const close = button("close", "×", { autofocus: true });
  // Focusable so that a zoomed image can be panned with the arrow keys.
  const stage = h("div", { class: "lightbox-stage", tabindex: "0" });
  const caption = h("p", { class: "lightbox-caption" });
  const dialog = h("dialog", { class: "lightbox", "aria-label": s("lightbox.label") },
    h("div", { class: "lightbox-bar" }, position, zoom, prev, next, close), stage, caption);
  document.body.append(dialog);
  trapFocus(dialog);
  let index = 0;
  let opener: HTMLElement | undefined;

  const zoomed = () => stage.classList.contains("is-zoomed");
  /** Zoom shows the image at full resolution (at least twice the fitted size), centred on `at`. */
  const setZoom = (on: boolean, at?: { x: number; y: number }) => {
    const img = stage.firstElementChild;
    if (!(img instanceof HTMLImageElement)) return;
    const fx = at ? at.x / img.clientWidth : 0.5;
    const fy = at ? at.y / img.clientHeight : 0.5;
    img.style.width = on ? `${Math.max(img.naturalWidth, img.clientWidth * 2)}px` : "";
    stage.classList.toggle("is-zoomed", on);
    zoom.setAttribute("aria-pressed", String(on));
    zoom.textContent = on ? "−" : "+";
    if (on) stage.scrollTo(img.clientWidth * fx - stage.clientWidth / 2, img.clientHeight * fy - stage.clientHeight / 2);
  };
  const show = (i: number) => {
    index = wrapIndex(i, items.length);
    const source = items[index]!;
    stage.classList.remove("is-zoomed");
    stage.replaceChildren(fullSize(source));
    zoom.setAttribute("aria-pressed", "false");
    zoom.textContent = "+";
    zoom.hidden = source instanceof HTMLVideoElement;
    position.textContent = s("lightbox.position", { index: index + 1, total: items.length });
    caption.textContent = source.closest("figure")?.querySelector("figcaption")?.textContent ?? "";
  };

  prev.addEventListener("click", () => show(index - 1));
  next.addEventListener("click", () => show(index + 1));
  close.addEventListener("click", () => dialog.close());
  zoom.addEventListener("click", () => setZoom(!zoomed()));
  stage.addEventListener("click", (event) => {
    if (event.target instanceof HTMLImageElement) setZoom(!zoomed(), { x: event.offsetX, y: event.offsetY });
    else if (event.target === stage) dialog.close();
  });
  dialog.addEventListener("keydown", (event) => {
    // A video's own controls and a zoomed image's panning keep their arrow keys.
    if (isComposing(event) || event.target instanceof HTMLVideoElement) return;
    const key = event.key;
    if (key === "ArrowLeft" && !zoomed()) show(index - 1);
    else if (key === "ArrowRight" && !zoomed()) show(index + 1);
    else if (key === "+" || key === "=") setZoom(true);
    else if (key === "-") setZoom(false);
    else return;
    event.preventDefault();
  });
  // Esc fires "cancel" then "close" natively; every way out ends here.
  dialog.addEventListener("close", () => {
    stage.replaceChildren();
    lockScroll(false);
    opener?.focus({ preventScroll: true });
  });

  return {
    open(i: number, from: HTMLElement) {
      opener = from;
      show(i);
      lockScroll(true);
      dialog.showModal();
    },
  };
}

/**
 * Adds a "view larger" button to each `.article-body [data-full-src]` (the keyboard way in)
 * and makes the image itself clickable; modified clicks keep their browser meaning.
 */
export function initLightbox(s: Strings): void {
  const items = all<Media>(".article-body [data-full-src]");
  let viewer: ReturnType<typeof createViewer> | undefined;
  items.forEach((media, index) => {
    const alt = media.getAttribute("alt") || media.getAttribute("aria-label");
    const trigger = h("button", { type: "button", class: "lightbox-open", "aria-haspopup": "dialog", "aria-label": alt ? `${s("lightbox.open")}: ${alt}` : s("lightbox.open") }, "⤢");
    const open = () => (viewer ??= createViewer(items, s)).open(index, trigger);
    trigger.addEventListener("click", open);
    if (media instanceof HTMLImageElement) {
      media.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        open();
      });
    }
    mediaTools(media).prepend(trigger);
  });
}
