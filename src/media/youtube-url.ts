/** YouTube URLs: recognising the forms authors paste, and building the URLs the facade uses. */

/** A YouTube video reduced to what the facade needs. */
export interface YouTubeVideo {
  /** The 11-character video id. */
  id: string;
  /** Start time in whole seconds, when the URL gave one. */
  start?: number;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const WATCH_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"]);
const EMBED_HOSTS = new Set(["youtube.com", "www.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"]);

function parse(raw: string): URL | null {
  try {
    const url = new URL(raw.trim());
    return /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** `90`, `90s`, `1m30s`, `1h2m3s` → seconds; undefined for anything else. */
function seconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!m) return undefined;
  const total = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return total > 0 ? total : undefined;
}

function video(id: string | undefined, url: URL): YouTubeVideo | null {
  if (!id || !VIDEO_ID.test(id)) return null;
  const start = seconds(url.searchParams.get("start") ?? url.searchParams.get("t"));
  return start ? { id, start } : { id };
}

/**
 * The video of an iframe `src`: only `/embed/<id>` on youtube.com or youtube-nocookie.com
 * (the allowlist: any other iframe stays an error).
 */
export function parseYouTubeEmbed(src: string): YouTubeVideo | null {
  const url = parse(src);
  if (!url || !EMBED_HOSTS.has(url.hostname.toLowerCase())) return null;
  const m = /^\/embed\/([^/]+)\/?$/.exec(url.pathname);
  return video(m?.[1], url);
}

/** The video of a link: `watch?v=`, `youtu.be/<id>`, `/shorts/<id>`, `/live/<id>` or an embed URL. */
export function parseYouTubeLink(href: string): YouTubeVideo | null {
  const url = parse(href);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  if (host === "youtu.be") return video(/^\/([^/]+)\/?$/.exec(url.pathname)?.[1], url);
  if (!WATCH_HOSTS.has(host)) return parseYouTubeEmbed(href);
  if (url.pathname === "/watch") return video(url.searchParams.get("v") ?? undefined, url);
  const m = /^\/(?:shorts|live|embed)\/([^/]+)\/?$/.exec(url.pathname);
  return video(m?.[1], url);
}

/** Where the facade's link goes without JavaScript: the video on youtube.com. */
export function youTubeWatchUrl(v: YouTubeVideo): string {
  return `https://www.youtube.com/watch?v=${v.id}${v.start ? `&t=${v.start}s` : ""}`;
}

/** The poster: YouTube's own thumbnail, loaded by the reader's browser (480×360, letterboxed 16:9). */
export function youTubeThumbnailUrl(v: YouTubeVideo): string {
  return `https://i.ytimg.com/vi/${v.id}/hqdefault.jpg`;
}

/** The player the click loads: youtube-nocookie.com, which sets no cookies until playback. */
export function youTubeEmbedUrl(id: string, start?: number): string {
  return `https://www.youtube-nocookie.com/embed/${id}?autoplay=1${start ? `&start=${start}` : ""}`;
}

/** True for a string that is a video id; the client checks what it reads from the page. */
export function isYouTubeId(id: string): boolean {
  return VIDEO_ID.test(id);
}
