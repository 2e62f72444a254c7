/**
 * HTML for media items (contract with the client: `<figure class="media" data-media=…>`
 * holding an `<img>`/`<video>` with `data-full-src`). Every value is escaped here; only
 * attributes built by this module are emitted.
 */
import type { MediaItem } from "./resolve-media.ts";

/** The author's `{#id .class lang=… title=…}` attributes that survive the attrs allowlist. */
export interface AuthorAttributes {
  id?: string;
  classes: string[];
  lang?: string;
  title?: string;
}

/** How an item sits in the page. */
export interface MediaPlacement {
  /** False inside running text, where a `<figure>` is not allowed: the bare element is used. */
  figure: boolean;
  /** Inside a media row: the figure carries its aspect ratio for equal-height layout. */
  inRow?: boolean;
}

type Escape = (text: string) => string;

function attributes(pairs: ReadonlyArray<[string, string | number | boolean | undefined]>, escape: Escape): string {
  let out = "";
  for (const [name, value] of pairs) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escape(String(value))}"`;
  }
  return out;
}

function classList(...parts: Array<string | undefined | false>): string | undefined {
  const list = parts.filter((p): p is string => Boolean(p));
  return list.length ? list.join(" ") : undefined;
}

/** The `<img>` or `<video>` element alone. */
export function renderMediaElement(item: MediaItem, escape: Escape, extra: { classes?: string[]; id?: string; lang?: string; title?: string } = {}): string {
  const cls = classList(...(extra.classes ?? []), !item.sizeKnown && "media-unsized");
  const common: Array<[string, string | number | boolean | undefined]> = [
    ["id", extra.id],
    ["lang", extra.lang],
    ["class", cls],
    ["width", item.width],
    ["height", item.height],
    ["title", extra.title],
  ];
  if (item.mode === "image") {
    return `<img${attributes(
      [["src", item.src], ["srcset", item.srcset], ["alt", item.alt], ...common, ["loading", "lazy"], ["decoding", "async"], ["data-full-src", item.fullSrc]],
      escape,
    )}>`;
  }
  const loop = item.mode === "loop";
  // Loop clips behave like animated images: muted autoplay (the only autoplay browsers
  // allow), no controls, and preload="none" so the client can start them near the viewport.
  return `<video${attributes(
    [
      ["src", item.src],
      ["poster", item.poster],
      ...common,
      ["aria-label", item.alt || undefined],
      ["autoplay", loop],
      ["muted", loop],
      ["loop", loop],
      ["controls", !loop],
      ["playsinline", true],
      ["preload", loop ? "none" : "metadata"],
      ["data-full-src", item.fullSrc],
    ],
    escape,
  )}></video>`;
}

/**
 * A media item in its placement. Captions: non-empty alt text is also shown as the
 * `<figcaption>` (one rule for every mode; see README "Images and clips").
 */
export function renderMedia(item: MediaItem, author: AuthorAttributes, placement: MediaPlacement, escape: Escape): string {
  if (!placement.figure) {
    return renderMediaElement(item, escape, author);
  }
  const ratio = placement.inRow ? `--media-ratio: ${(item.width / item.height).toFixed(4)}` : undefined;
  const open = `<figure${attributes(
    [["id", author.id], ["class", classList("media", ...author.classes)], ["lang", author.lang], ["data-media", item.mode], ["style", ratio]],
    escape,
  )}>`;
  const caption = item.alt ? `<figcaption>${escape(item.alt)}</figcaption>` : "";
  return `${open}${renderMediaElement(item, escape, { title: author.title })}${caption}</figure>\n`;
}
