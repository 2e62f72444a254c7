/**
 * YouTube facades (src/media/render-youtube.ts): a click on the poster link replaces it
 * with the youtube-nocookie.com player, playing. Until then nothing is loaded from
 * YouTube but the thumbnail; a modified click (new tab, …) keeps the link's own meaning.
 */
import { isYouTubeId, youTubeEmbedUrl } from "../media/youtube-url.ts";
import { all, h } from "./dom.ts";
import type { Strings } from "./strings.ts";

/** The iframe for a facade, or null when its markup is not what the build writes. */
export function playerFor(figure: HTMLElement, s: Strings): HTMLIFrameElement | null {
  const id = figure.dataset.youtube ?? "";
  const start = Number(figure.dataset.youtubeStart ?? "");
  if (!isYouTubeId(id)) return null;
  return h("iframe", {
    class: "youtube-player",
    src: youTubeEmbedUrl(id, Number.isInteger(start) && start > 0 ? start : undefined),
    title: figure.querySelector("figcaption")?.textContent || s("youtube.frameTitle"),
    allow: "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share",
    referrerpolicy: "strict-origin-when-cross-origin",
    allowfullscreen: true,
  });
}

/** Binds every facade of the page. */
export function initYouTube(s: Strings): void {
  for (const figure of all("figure.youtube[data-youtube]")) {
    const link = figure.querySelector<HTMLAnchorElement>("a.youtube-link");
    link?.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
      const player = playerFor(figure, s);
      if (!player) return;
      event.preventDefault();
      link.replaceWith(player);
      player.focus();
    });
  }
}
