/**
 * Facts about a Markdown body as the author wrote it: links, images, `{…}` attributes the
 * site drops, unsafe URLs markdown-it refused. Collected during every render of a
 * body (src/markdown/render-body.ts), so the check and the build see one parse.
 */
import { ALLOWED_ATTRIBUTES } from "./attrs.ts";
import { MEDIA_FIGURE_TOKEN, type MediaFigureMeta } from "./media-row-block.ts";
import { isSafeUrl } from "../util/safe-url.ts";
import type { Token } from "./types.ts";
import { htmlTags } from "./html-tags.ts";
import { SourceLines, type Located, type SourceCursor } from "./source-lines.ts";

/** A link or image target, with where it is written. */
export interface LinkFact extends Located {
  href: string;
  kind: "link" | "image";
}

/** An image and its alternative text (undefined: a raw `<img>` without `alt`). */
export interface ImageFact extends Located {
  src: string;
  alt: string | undefined;
  /** The image of a `{% mediaRow %}` block, whose alt text is its `alt="…"` argument. */
  mediaRow?: boolean;
}

/** An attribute written in `{…}` that the allowlist removes. */
export interface DroppedAttribute extends Located {
  name: string;
  value: string;
}

/** A URL in link syntax that markdown-it refused to link: it shows as text. */
export interface RefusedUrl extends Located {
  url: string;
}

/** Everything the file-level rules need from one body. */
export interface MarkdownFacts {
  links: LinkFact[];
  images: ImageFact[];
  droppedAttributes: DroppedAttribute[];
  refusedUrls: RefusedUrl[];
}

// `[x](url`, `![x](url` and `<scheme:…>` left as text, and `[ref]: url` that did not define a
// reference; each with the text it cannot match without, so most text is never scanned.
const REFUSED: ReadonlyArray<readonly [string, RegExp]> = [
  ["](", /\]\(\s*(?:<\s*)?((?:[^\s()<>]|\([^\s()]*\))+)/g],
  ["<", /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/g],
  ["]:", /^\s*\[[^\]]+\]:\s*<?([^\s>]+)/gm],
];

function attr(token: Token, name: string): string {
  return String(token.attrGet(name) ?? "");
}

/**
 * Inline children with each run of `text` and `text_special` (escapes, entities) joined
 * into one string, as markdown-it's later `text_join` rule would: unsafe URLs are
 * searched for in the text as one piece.
 */
function* joinedText(children: readonly Token[]): Generator<Token | string> {
  let text: string | undefined;
  for (const child of children) {
    if (child.type === "text" || child.type === "text_special") {
      text = (text ?? "") + child.content;
      continue;
    }
    if (text !== undefined) yield text;
    text = undefined;
    yield child;
  }
  if (text !== undefined) yield text;
}

/** Empty facts, filled in by {@link collectFacts} during a render. */
export function emptyFacts(): MarkdownFacts {
  return { links: [], images: [], droppedAttributes: [], refusedUrls: [] };
}

/** A token's attributes as they were at one moment; null when it had none. */
export type AttributeSnapshot = ReadonlyArray<readonly [string, string | number]> | null;

/**
 * Records what the author wrote in `tokens` into `facts`. Called by the attribute
 * allowlist rule (src/markdown/attrs.ts) at the one moment `{…}` attributes have been
 * applied without the allowlist and before any project plugin reshapes image and link
 * tokens into blocks. `before` holds each token's attributes from just before `{…}` were
 * applied; `rawHtml` the raw HTML as written, before sanitising replaced it.
 */
export function collectFacts(
  tokens: readonly Token[],
  source: { body: string; bodyLineOffset: number },
  before: ReadonlyMap<Token, AttributeSnapshot>,
  rawHtml: ReadonlyMap<Token, string>,
  facts: MarkdownFacts,
): void {
  collect(tokens, new SourceLines(source.body, source.bodyLineOffset), before, rawHtml, facts);
}

/** The attributes `{…}` gave a token that the allowlist removes again. */
function droppedAttributes(attrs: NonNullable<AttributeSnapshot>, earlier: AttributeSnapshot, cursor: SourceCursor, facts: MarkdownFacts): void {
  const written = new Set((earlier ?? []).map(([name, value]) => `${name}=${value}`));
  for (const [name, value] of attrs) {
    if (written.has(`${name}=${value}`) || ALLOWED_ATTRIBUTES.includes(name)) continue;
    facts.droppedAttributes.push({ name, value: String(value), ...cursor.find(`${name}=`, name) });
  }
}

function collect(
  tokens: readonly Token[],
  lines: SourceLines,
  before: ReadonlyMap<Token, AttributeSnapshot>,
  rawHtml: ReadonlyMap<Token, string>,
  facts: MarkdownFacts,
): void {
  let block: [number, number] = [0, 1];
  for (const token of tokens) {
    if (token.map) block = token.map as [number, number];
    const cursor = lines.cursor(block);
    for (const t of [token, ...joinedText(token.children ?? [])]) {
      if (typeof t === "string") {
        for (const [needed, pattern] of REFUSED) {
          if (!t.includes(needed)) continue;
          for (const m of t.matchAll(pattern)) {
            const url = m[1]!;
            if (isSafeUrl(url)) continue;
            // The text has character references decoded; the source may spell them out.
            const writtenStart = url.replace(/[:&%][\s\S]*$/, "");
            facts.refusedUrls.push({ url, ...cursor.find(url, ...(writtenStart ? [writtenStart] : [])) });
          }
        }
        continue;
      }
      if (t.attrs) droppedAttributes(t.attrs, before.get(t) ?? null, cursor, facts);
      // The image of a `{% mediaRow %}` block needs alt text like any other image.
      if (t.type === MEDIA_FIGURE_TOKEN) {
        const { request } = t.meta as unknown as MediaFigureMeta;
        facts.images.push({ src: request.src, alt: request.alt, mediaRow: true, ...cursor.find(request.src) });
      }
      if (t.type === "link_open") facts.links.push({ href: attr(t, "href"), kind: "link", ...cursor.findUrl(attr(t, "href")) });
      if (t.type === "image") {
        const src = attr(t, "src");
        const at = cursor.findUrl(src);
        facts.links.push({ href: src, kind: "image", ...at });
        facts.images.push({ src, alt: t.content, ...at });
      }
      if (t.type === "html_inline" || t.type === "html_block") {
        for (const tag of htmlTags(rawHtml.get(t) ?? t.content)) {
          const at = cursor.find(tag.source);
          // A URL the sanitizer refused never reaches the page (html/disallowed says so).
          if (tag.name === "a" && tag.attributes.href !== undefined && isSafeUrl(tag.attributes.href)) facts.links.push({ href: tag.attributes.href, kind: "link", ...at });
          if (tag.name === "img" && tag.attributes.src !== undefined && isSafeUrl(tag.attributes.src)) {
            facts.links.push({ href: tag.attributes.src, kind: "image", ...at });
            facts.images.push({ src: tag.attributes.src, alt: tag.attributes.alt, ...at });
          }
        }
      }
    }
  }
}
