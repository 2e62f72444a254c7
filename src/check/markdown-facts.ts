/**
 * Facts about a Markdown body as the author wrote it: links, images, `{…}` attributes the
 * site drops, unsafe URLs markdown-it refused. Read from a plain parse (markdown-it and
 * markdown-it-attrs without the allowlist) so that the project's plugins, which reshape
 * image and link tokens into blocks, cannot hide anything from the rules.
 */
import markdownIt from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import { ALLOWED_ATTRIBUTES } from "../markdown/attrs.ts";
import { isSafeUrl } from "../markdown/safe-url.ts";
import type { Token } from "../markdown/types.ts";
import { htmlTags } from "./html-tags.ts";
import { blankTemplateTags } from "./interpolate.ts";
import { SourceLines, type Located } from "./source-lines.ts";

/** A link or image target, with where it is written. */
export interface LinkFact extends Located {
  href: string;
  kind: "link" | "image";
}

/** An image and its alternative text (undefined: a raw `<img>` without `alt`). */
export interface ImageFact extends Located {
  src: string;
  alt: string | undefined;
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

// `[x](url`, `![x](url` and `<scheme:…>` left as text, and `[ref]: url` that did not define a reference.
const REFUSED = [/\]\(\s*<?\s*((?:[^\s()<>]|\([^\s()]*\))+)/g, /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/g, /^\s*\[[^\]]+\]:\s*<?([^\s>]+)/gm];

const SNAPSHOT = Symbol("attributes before curly_attributes");
type Snapshotted = Token & { [SNAPSHOT]?: Set<string> };

function* allTokens(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* allTokens(token.children);
  }
}

function attr(token: Token, name: string): string {
  return String(token.attrGet(name) ?? "");
}

function pairs(token: Token): string[] {
  return (token.attrs ?? []).map(([name, value]) => `${name}=${value}`);
}

/** Builds a parser for {@link MarkdownFacts}; one per validation run. */
export function createFactsParser(): (body: string, bodyLineOffset: number) => MarkdownFacts {
  const md = markdownIt({ html: true, linkify: false, typographer: false });
  md.disable("code"); // as the site does (src/markdown/create-markdown.ts)
  md.use(markdownItAttrs, { allowedAttributes: [] }); // no limit: see what the author asked for
  md.core.ruler.before("curly_attributes", "snapshot_attributes", (state) => {
    for (const token of allTokens(state.tokens)) (token as Snapshotted)[SNAPSHOT] = new Set(pairs(token));
  });
  return (body, bodyLineOffset) => collect(md.parse(blankTemplateTags(body), {}), new SourceLines(body, bodyLineOffset));
}

function collect(tokens: Token[], lines: SourceLines): MarkdownFacts {
  const facts: MarkdownFacts = { links: [], images: [], droppedAttributes: [], refusedUrls: [] };
  let block: [number, number] = [0, 1];
  for (const token of tokens) {
    if (token.map) block = token.map as [number, number];
    const cursor = lines.cursor(block);
    for (const t of [token, ...(token.children ?? [])]) {
      const before = (t as Snapshotted)[SNAPSHOT] ?? new Set<string>();
      for (const [name, value] of t.attrs ?? []) {
        if (before.has(`${name}=${value}`) || ALLOWED_ATTRIBUTES.includes(name)) continue;
        facts.droppedAttributes.push({ name, value: String(value), ...cursor.find(`${name}=`, name) });
      }
      if (t.type === "link_open") facts.links.push({ href: attr(t, "href"), kind: "link", ...cursor.findUrl(attr(t, "href")) });
      if (t.type === "image") {
        const src = attr(t, "src");
        const at = cursor.findUrl(src);
        facts.links.push({ href: src, kind: "image", ...at });
        facts.images.push({ src, alt: t.content, ...at });
      }
      if (t.type === "text") {
        for (const pattern of REFUSED) {
          for (const m of t.content.matchAll(pattern)) {
            if (!isSafeUrl(m[1]!)) facts.refusedUrls.push({ url: m[1]!, ...cursor.find(m[1]!) });
          }
        }
      }
      if (t.type === "html_inline" || t.type === "html_block") {
        for (const tag of htmlTags(t.content)) {
          const at = cursor.find(tag.source);
          if (tag.name === "a" && tag.attributes.href !== undefined) facts.links.push({ href: tag.attributes.href, kind: "link", ...at });
          if (tag.name === "img" && tag.attributes.src !== undefined) {
            facts.links.push({ href: tag.attributes.src, kind: "image", ...at });
            facts.images.push({ src: tag.attributes.src, alt: tag.attributes.alt, ...at });
          }
        }
      }
    }
  }
  return facts;
}
