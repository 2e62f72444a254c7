/** Gyazo URLs: recognising every form authors paste, and building the CDN URLs we emit. */

/** File types Gyazo serves; `jpeg` in a URL is read as `jpg`. */
export type GyazoExt = "png" | "jpg" | "gif" | "mp4";

/** A Gyazo URL reduced to what the renderer needs. */
export interface GyazoRef {
  /** 32 lowercase hex digits. */
  id: string;
  /** The extension written in the URL, if any: a hint of what the file is. */
  ext?: GyazoExt;
}

/** What {@link parseGyazoUrl} found: not Gyazo at all, a usable id, or a malformed one. */
export type GyazoParse = { kind: "other" } | { kind: "gyazo"; ref: GyazoRef } | { kind: "malformed" };

const GYAZO_HOSTS = new Set(["gyazo.com", "www.gyazo.com", "i.gyazo.com"]);

// /<id>, /<id>.<ext>, /<id>/raw, /<id>/max_size/<n>, /<id>/max_size/<n>.<ext>, each with an
// optional trailing slash. Query strings and fragments are ignored.
const PATH = /^\/([0-9a-fA-F]{32})(?:\.(png|jpe?g|gif|mp4))?(?:\/raw|\/max_size\/\d+(?:\.(png|jpe?g|gif|mp4))?)?\/?$/i;

/** Valid URL shapes, quoted in error messages. */
export const GYAZO_URL_FORMS = "https://gyazo.com/<id> or https://i.gyazo.com/<id>.png|jpg|gif|mp4, where <id> is 32 hex digits";

/**
 * Classifies an image URL. Any http(s) URL on a Gyazo host must name a 32-digit hex id,
 * so `https://gyazo.com/abc` is reported as malformed rather than silently embedded.
 */
export function parseGyazoUrl(raw: string): GyazoParse {
  // canParse first: most links are relative, and a `new URL` that throws costs ~15 µs for its error.
  const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : null;
  if (!url || !/^https?:$/.test(url.protocol) || !GYAZO_HOSTS.has(url.hostname.toLowerCase())) return { kind: "other" };
  const m = PATH.exec(url.pathname);
  if (!m) return { kind: "malformed" };
  const ext = normaliseExt(m[3] ?? m[2]);
  return { kind: "gyazo", ref: ext ? { id: m[1]!.toLowerCase(), ext } : { id: m[1]!.toLowerCase() } };
}

function normaliseExt(ext: string | undefined): GyazoExt | undefined {
  if (!ext) return undefined;
  const lower = ext.toLowerCase();
  return (lower === "jpeg" ? "jpg" : lower) as GyazoExt;
}

/** The original file, for the lightbox: `https://i.gyazo.com/<id>.<ext>`. */
export function gyazoOriginalUrl(id: string, ext: GyazoExt): string {
  return `https://i.gyazo.com/${id}.${ext}`;
}

/** A CDN preview whose longer side is at most `maxSize` pixels. */
export function gyazoPreviewUrl(id: string, maxSize: number, ext: Exclude<GyazoExt, "mp4">): string {
  return `https://i.gyazo.com/${id}/max_size/${maxSize}.${ext}`;
}

/** The page Gyazo's oEmbed endpoint is asked about. */
export function gyazoPageUrl(id: string): string {
  return `https://gyazo.com/${id}`;
}

/** Every Gyazo id mentioned in a text, in order of first appearance (for media:sync). */
export function findGyazoIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(/https?:\/\/(?:www\.|i\.)?gyazo\.com\/[^\s)"'<>\]`}]+/gi)) {
    const parsed = parseGyazoUrl(m[0]);
    if (parsed.kind === "gyazo") ids.add(parsed.ref.id);
  }
  return [...ids];
}
