/** Article videos: load only near the viewport, and switch between loop and player. */
import { all, h, mediaTools } from "./dom.ts";
import type { Strings } from "./strings.ts";

/** Loop mode plays muted, looping, without controls; player mode shows the controls. */
function setMode(video: HTMLVideoElement, loop: boolean, near: boolean): void {
  video.dataset.mode = loop ? "loop" : "player";
  video.controls = !loop;
  video.loop = loop;
  // The markup's autoplay would restart a paused player; the observer decides instead.
  video.autoplay = false;
  if (loop) {
    video.muted = true;
    if (near) play(video);
  } else {
    video.pause();
  }
}

function play(video: HTMLVideoElement): void {
  if (video.preload === "none") video.preload = "auto";
  // Autoplay may be refused (data saver, power saving); the video then simply stays still.
  video.play().catch(() => {});
}

/**
 * Videos arrive with `preload="none"`; an observer with a generous margin starts loading
 * (and, in loop mode, playing) just before they scroll in, and pauses loops far away.
 * Readers who prefer reduced motion get every video in player mode.
 */
export function initVideos(s: Strings): void {
  const videos = all<HTMLVideoElement>(".article-body video[data-full-src]");
  if (videos.length === 0) return;
  const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;
  const near = new WeakSet<HTMLVideoElement>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        const video = target as HTMLVideoElement;
        const loop = video.dataset.mode === "loop";
        if (isIntersecting) {
          near.add(video);
          if (loop) play(video);
          else if (video.preload === "none") video.preload = "metadata";
        } else {
          near.delete(video);
          if (loop) video.pause();
        }
      }
    },
    { rootMargin: "50% 0px" },
  );
  for (const video of videos) {
    // The markup says which: loop clips arrive with `loop`, players with `controls`.
    const loop = video.loop && !reduceMotion;
    setMode(video, loop, false);
    const toggle = h("button", { type: "button", class: "video-mode", "aria-pressed": String(!loop) }, s("video.controls"));
    toggle.addEventListener("click", () => {
      const toPlayer = video.dataset.mode === "loop";
      toggle.setAttribute("aria-pressed", String(toPlayer));
      setMode(video, !toPlayer, near.has(video));
    });
    mediaTools(video).append(toggle);
    observer.observe(video);
  }
}
