/**
 * YouTube embeds as click-to-load facades. Two things become one: a raw HTML block of
 * `<iframe src="https://www.youtube.com/embed/<id>">` (youtube.com / youtube-nocookie.com
 * embeds only), and a paragraph that is only a YouTube link (`[title](https://youtu.be/<id>)`,
 * `<https://www.youtube.com/watch?v=<id>>` or the bare URL). Any other iframe, or an iframe
 * mixed with other HTML, is left to the raw HTML sanitizer, which refuses it (html/disallowed).
 */
import { langOrDefault } from "../i18n/locale.ts";
import { renderYouTubeFacade } from "../media/render-youtube.ts";
import { parseYouTubeEmbed, parseYouTubeLink, type YouTubeVideo } from "../media/youtube-url.ts";
import { attributesOf } from "./html-syntax.ts";
import { envOf } from "./render-env.ts";
import type { MarkdownIt, StateCore, Token } from "./types.ts";

/** Token that replaces an embed; its meta is {@link YouTubeMeta}. */
export const YOUTUBE_TOKEN = "youtube_embed";

/** What the renderer draws: the video, and the caption (link text or iframe title; may be empty). */
interface YouTubeMeta {
  video: YouTubeVideo;
  title: string;
}

// One iframe element, attributes in group 1; fallback text inside it (no markup) is dropped,
// as browsers ignore an iframe's content. Classes without `<` cannot backtrack into the
// next part: the whole test stays linear in the block's length.
const IFRAME = /<iframe(\s[^<>]*)?>[^<]*<\/iframe\s*>/giy;
/** An iframe's attributes by name; the first of a repeated one wins, as in a browser. */
function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name, value } of attributesOf(text)) if (!out.has(name)) out.set(name, value ?? "");
  return out;
}

/** The videos of an HTML block made only of allowlisted YouTube iframes; null for anything else. */
function iframeVideos(html: string): YouTubeMeta[] | null {
  const found: YouTubeMeta[] = [];
  let at = 0;
  for (;;) {
    while (at < html.length && /\s/.test(html[at]!)) at++;
    if (at >= html.length) return found.length ? found : null;
    IFRAME.lastIndex = at;
    const m = IFRAME.exec(html);
    if (!m) return null;
    const attrs = attributes(m[1] ?? "");
    const video = parseYouTubeEmbed(attrs.get("src") ?? "");
    if (!video) return null;
    found.push({ video, title: "" });
    at = IFRAME.lastIndex;
  }
}

/**
 * {@link parseYouTubeLink}, asked only of absolute URLs: most links are relative, and the
 * `new URL` it tries throws for them, an error that costs some 15 µs. (Not in
 * youtube-url.ts itself: the browser bundle is built from that file too.)
 */
function youTubeLink(href: string): YouTubeVideo | null {
  return URL.canParse(href.trim()) ? parseYouTubeLink(href) : null;
}

/** The video and link text of an inline that is only a YouTube link (or only its URL). */
function linkVideo(inline: Token | undefined): YouTubeMeta | null {
  const children = (inline?.children ?? []).filter((c) => !(c.type === "text" && c.content.trim() === ""));
  if (children.length === 1 && children[0]!.type === "text") {
    const text = children[0]!.content.trim();
    // A bare URL is one word: most paragraphs are not, and are not parsed.
    const video = /^\S+$/.test(text) ? youTubeLink(text) : null;
    return video ? { video, title: "" } : null;
  }
  const [open, ...rest] = children;
  const close = rest.pop();
  if (open?.type !== "link_open" || close?.type !== "link_close" || rest.some((c) => c.type !== "text" && c.type !== "code_inline")) return null;
  const href = String(open.attrGet("href") ?? "");
  const video = youTubeLink(href);
  if (!video) return null;
  const text = rest.map((c) => c.content).join("").trim();
  // An autolink's text is its URL: no caption.
  return { video, title: open.markup === "autolink" || text === href ? "" : text };
}

function facade(state: StateCore, like: Token, meta: YouTubeMeta): Token {
  const token = new state.Token(YOUTUBE_TOKEN, "figure", 0);
  token.block = true;
  token.map = like.map;
  token.level = like.level;
  token.meta = { ...meta };
  return token;
}

function youtubeCoreRule(md: MarkdownIt, state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "html_block") {
      const videos = iframeVideos(token.content);
      if (videos) tokens.splice(i, 1, ...videos.map((meta) => facade(state, token, meta)));
      continue;
    }
    // A hidden paragraph is an item of a tight list: a list of video links stays a list.
    if (token.type !== "paragraph_open" || token.hidden || tokens[i + 2]?.type !== "paragraph_close") continue;
    const meta = linkVideo(tokens[i + 1]);
    if (meta) tokens.splice(i, 3, facade(state, token, meta));
  }
}

/** Registers the core rule (right before the raw HTML sanitizer, which would refuse the iframes) and the renderer. */
export function youtubePlugin(md: MarkdownIt): void {
  md.core.ruler.before("sanitize_raw_html", "youtube", (state) => youtubeCoreRule(md, state));
  md.renderer.rules[YOUTUBE_TOKEN] = (tokens, idx, _options, env) => {
    const { video, title } = tokens[idx]!.meta as unknown as YouTubeMeta;
    return renderYouTubeFacade(video, title, langOrDefault(envOf(env).lang), md.utils.escapeHtml);
  };
}
