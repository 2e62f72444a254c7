/**
 * HTML of a YouTube facade (contract with src/client/youtube.ts): a link to the video
 * holding a 16:9 poster and a play button. Without JavaScript it is a plain link to
 * youtube.com; the client swaps in the youtube-nocookie.com player on click, so no
 * YouTube script or cookie reaches a reader who does not press play.
 */
import { t } from "../i18n/t.ts";
import { youTubeThumbnailUrl, youTubeWatchUrl, type YouTubeVideo } from "./youtube-url.ts";

/** Drawn size of the poster: YouTube's 480 px thumbnail in a 16:9 box (its letterbox is cropped). */
export const POSTER_SIZE = { width: 480, height: 270 } as const;

// A plain play triangle on a rounded rectangle, drawn inline: no request, no icon font.
const PLAY_ICON =
  '<svg viewBox="0 0 68 48" width="68" height="48" aria-hidden="true" focusable="false"><rect width="68" height="48" rx="12" fill="#212121" fill-opacity="0.8"/><path d="M27 14v20l18-10z" fill="#fff"/></svg>';

/** The facade of `video`; `title` (the link text, or none) is its caption and accessible name. */
export function renderYouTubeFacade(video: YouTubeVideo, title: string, lang: string, escape: (text: string) => string): string {
  const label = title ? t(lang, "youtube.playTitle", { title }) : t(lang, "youtube.play");
  const start = video.start ? ` data-youtube-start="${video.start}"` : "";
  const caption = title ? `<figcaption>${escape(title)}</figcaption>` : "";
  return (
    `<figure class="youtube" data-youtube="${escape(video.id)}"${start}>` +
    `<a class="youtube-link" href="${escape(youTubeWatchUrl(video))}" aria-label="${escape(label)}">` +
    `<img class="youtube-poster" src="${escape(youTubeThumbnailUrl(video))}" alt="" width="${POSTER_SIZE.width}" height="${POSTER_SIZE.height}" loading="lazy" decoding="async">` +
    `<span class="youtube-play">${PLAY_ICON}</span>` +
    `<span class="youtube-label" aria-hidden="true">${escape(t(lang, "youtube.play"))}</span>` +
    `</a>${caption}</figure>\n`
  );
}
