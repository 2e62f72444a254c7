/**
 * Turns what an author wrote (a URL, an optional `{gyazo=…}`/`{media=…}` mode, alt text)
 * into a fully sized media item, plus the problems found on the way. Pure apart from
 * reading local image files; the Markdown plugin and the mediaRow block both use it.
 */
import { relative } from "node:path";
import { isSafeUrl } from "../util/safe-url.ts";
import {
  GYAZO_URL_FORMS,
  gyazoOriginalUrl,
  gyazoPreviewUrl,
  parseGyazoUrl,
  type GyazoExt,
  type GyazoRef,
} from "./gyazo-url.ts";
import { localImagePath, readLocalImageSize, type PixelSize } from "./local-image-size.ts";
import { MEDIA_METADATA_FILE as MEDIA_METADATA_NAME, type MediaEntry, type MediaMetadata } from "./media-metadata.ts";
import { displaySize, unknownDisplaySize, type DisplaySize } from "./media-size.ts";
import { SIZE_UNKNOWN_RULE, sizeUnknownMessage } from "./size-warnings.ts";

/** The three ways media is shown. */
export const MEDIA_MODES = ["image", "loop", "player"] as const;
export type MediaMode = (typeof MEDIA_MODES)[number];

/** Everything the renderer needs; every URL here is safe and every size is set. */
export interface MediaItem {
  mode: MediaMode;
  src: string;
  srcset?: string;
  /** Videos: the still shown before playback. */
  poster?: string;
  /** What the lightbox opens. */
  fullSrc: string;
  width: number;
  height: number;
  /** False when the width/height are the 16:9 placeholder. */
  sizeKnown: boolean;
  alt: string;
}

/** An author's media reference. `mode` is absent for a plain `![](…)`. */
export interface MediaRequest {
  src: string;
  alt: string;
  mode?: { attribute: string; value: string };
}

/** Site data the resolution reads. */
export interface MediaContext {
  root: string;
  metadata: MediaMetadata;
  /** The page's absolute path, for relative image paths. */
  pageFile?: string;
}

/** A problem for `reportAt`. */
export interface MediaProblem {
  severity: "error" | "warning";
  rule: string;
  message: string;
}

/** `item` is null when the reference is not media (or unusable) and renders as written. */
export interface MediaResolution {
  item: MediaItem | null;
  problems: MediaProblem[];
}

const VIDEO_FILE = /\.(mp4|webm|m4v|mov)(?:[?#]|$)/i;

/** Resolves one reference; never throws for authoring mistakes. */
export function resolveMedia(request: MediaRequest, context: MediaContext): MediaResolution {
  const problems: MediaProblem[] = [];
  const { src, alt } = request;
  const gyazo = parseGyazoUrl(src);
  if (!isSafeUrl(src)) {
    problems.push({ severity: "error", rule: "media/unsafe-url", message: `image URL "${src}" is not allowed; use an http(s) URL or a path on the site` });
    return { item: null, problems };
  }
  if (gyazo.kind === "malformed") {
    problems.push({ severity: "error", rule: "media/bad-gyazo-id", message: `"${src}" is not a Gyazo image URL; valid forms: ${GYAZO_URL_FORMS}` });
    return { item: null, problems };
  }
  const ref = gyazo.kind === "gyazo" ? gyazo.ref : null;
  const entry = ref ? context.metadata[ref.id] : undefined;
  let mode = implicitMode(ref, entry);
  if (request.mode) {
    const { attribute, value } = request.mode;
    if ((MEDIA_MODES as readonly string[]).includes(value)) mode = value as MediaMode;
    else problems.push({ severity: "error", rule: "media/unknown-mode", message: `unknown ${attribute} mode "${value}"; valid modes: ${MEDIA_MODES.join(", ")}` });
  }
  if (!mode) return { item: null, problems };
  if (mode !== "image" && ref) {
    // Gyazo serves an mp4 for its captures (a GIF capture's clip is its .mp4): play it,
    // warning only when something says this capture is a still.
    if (!looksLikeVideo(ref, entry)) problems.push({ severity: "warning", rule: "media/still-as-video", message: stillAsVideoMessage(src, ref, request.mode?.attribute ?? "media", mode, entry) });
  } else if (mode !== "image" && !VIDEO_FILE.test(src)) {
    const attribute = request.mode?.attribute ?? "media";
    problems.push({
      severity: "error",
      rule: "media/not-video",
      message: `{${attribute}=${mode}} needs a video, but "${src}" is an image; use {${attribute}=image}, or a video URL such as https://i.gyazo.com/<id>.mp4`,
    });
    mode = "image";
  }
  if (ref) {
    if (!entry) problems.push({ severity: "warning", rule: SIZE_UNKNOWN_RULE, message: sizeUnknownMessage(ref.id) });
    return { item: gyazoItem(ref, entry, mode, alt), problems };
  }
  return { item: otherItem(src, mode, alt, context, problems), problems };
}

/** A Gyazo URL is media even without an attribute; other URLs only with one. */
function implicitMode(ref: GyazoRef | null, entry: MediaEntry | undefined): MediaMode | null {
  if (!ref) return null;
  return ref.ext === "mp4" || entry?.type === "video" ? "loop" : "image";
}

/** True when nothing says a Gyazo capture is a still: no recorded type but video, no still extension but gif. */
function looksLikeVideo(ref: GyazoRef, entry: MediaEntry | undefined): boolean {
  if (entry) return entry.type === "video" || entry.ext === "gif";
  return ref.ext === undefined || ref.ext === "mp4" || ref.ext === "gif";
}

function stillAsVideoMessage(src: string, ref: GyazoRef, attribute: string, mode: MediaMode, entry: MediaEntry | undefined): string {
  const why = entry ? `${MEDIA_METADATA_NAME} records ${ref.id} as a still image` : `"${src}" names a still image`;
  return `{${attribute}=${mode}} plays ${gyazoOriginalUrl(ref.id, "mp4")}, but ${why}; check that the clip plays, or use {${attribute}=image}`;
}

function gyazoItem(ref: GyazoRef, entry: MediaEntry | undefined, mode: MediaMode, alt: string): MediaItem {
  const size: DisplaySize = entry ? displaySize(entry) : unknownDisplaySize();
  const base = { mode, width: size.width, height: size.height, sizeKnown: entry !== undefined, alt };
  if (mode !== "image") {
    const video = gyazoOriginalUrl(ref.id, "mp4");
    return { ...base, src: video, poster: gyazoPreviewUrl(ref.id, size.preview1x, "jpg"), fullSrc: video };
  }
  const ext = stillExt(ref, entry);
  const fullSrc = gyazoOriginalUrl(ref.id, ext);
  // A GIF is shown as the original: a resized preview would not be animated.
  if (ext === "gif") return { ...base, src: fullSrc, fullSrc };
  const src = gyazoPreviewUrl(ref.id, size.preview1x, ext);
  const srcset = size.preview2x ? `${src} 1x, ${gyazoPreviewUrl(ref.id, size.preview2x, ext)} 2x` : undefined;
  return srcset ? { ...base, src, srcset, fullSrc } : { ...base, src, fullSrc };
}

/** The still's file type: recorded, else written in the URL, else jpg for videos, png for images. */
export function stillExt(ref: GyazoRef, entry: MediaEntry | undefined): Exclude<GyazoExt, "mp4"> {
  if (entry?.ext) return entry.ext;
  if (ref.ext && ref.ext !== "mp4") return ref.ext;
  return ref.ext === "mp4" || entry?.type === "video" ? "jpg" : "png";
}

/** A local file (sized from disk) or another host's URL (size unknown, no warning: nothing can fetch it). */
function otherItem(src: string, mode: MediaMode, alt: string, context: MediaContext, problems: MediaProblem[]): MediaItem {
  const local = mode === "image" ? sizeLocalImage(src, context) : null;
  if (local && "problem" in local) problems.push(local.problem);
  const known = local && "width" in local ? local : null;
  const size = known ?? unknownDisplaySize();
  return { mode, src, fullSrc: src, width: size.width, height: size.height, sizeKnown: known !== null, alt };
}

/**
 * The size of an image published with the site, read from its file; null when `src` is
 * not a local path; a warning when the file cannot be read.
 */
export function sizeLocalImage(src: string, context: MediaContext): PixelSize | { problem: MediaProblem } | null {
  const file = localImagePath(src, context.root, context.pageFile);
  if (!file) return null;
  const read = readLocalImageSize(file, context.root);
  if (!("error" in read)) return read;
  const shown = relative(context.root, file).split("\\").join("/");
  return { problem: { severity: "warning", rule: "media/local-image", message: `cannot read the size of "${src}" (${shown}: ${read.error})` } };
}
