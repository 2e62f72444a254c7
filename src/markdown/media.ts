/**
 * Media embeds: `![alt](URL){gyazo=image|loop|player}` (or `{media=…}`), plain Gyazo
 * images, local images sized from their files, media rows, and the mediaRow block.
 * A core rule resolves every image once (sizes from the committed metadata file, never
 * the network); the image renderer draws resolved ones and leaves the rest to the
 * renderer it replaces.
 */
import { envOf } from "./render-env.ts";
import { join, resolve } from "node:path";
import { loadMediaMetadata, MEDIA_METADATA_FILE } from "../media/media-metadata.ts";
import { renderMedia, type AuthorAttributes, type MediaPlacement } from "../media/render-media.ts";
import { resolveMedia, sizeLocalImage, type MediaContext, type MediaItem, type MediaRequest } from "../media/resolve-media.ts";
import { MEDIA_FIGURE_TOKEN, mediaRowBlockPlugin, type MediaFigureMeta } from "./media-row-block.ts";
import { reportAt, type MarkdownIt, type RenderEnv, type StateCore, type Token } from "./types.ts";

/** Attributes markdown-it-attrs lets through that select a media mode. */
const MODE_ATTRIBUTES = ["gyazo", "media"] as const;

/** What the core rule leaves on a token for the renderers. */
interface MediaMeta {
  media: MediaItem;
  placement: MediaPlacement;
}

/** A token attribute as a string (markdown-it types allow numbers). */
function attr(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

/** Removes `{gyazo=…}`/`{media=…}` from a token and returns the mode it asked for. */
function takeMode(token: Token): MediaRequest["mode"] {
  let mode: MediaRequest["mode"];
  for (const attribute of MODE_ATTRIBUTES) {
    const value = attr(token, attribute);
    if (value === undefined) continue;
    mode ??= { attribute, value: value.trim() };
    token.attrs = token.attrs!.filter(([name]) => name !== attribute);
  }
  return mode;
}

/** Resolves one image token in place; returns true when it became media. */
function resolveImage(md: MarkdownIt, image: Token, context: MediaContext, env: RenderEnv, line: number): boolean {
  const mode = takeMode(image);
  const src = attr(image, "src") ?? "";
  const alt = md.renderer.renderInlineAsText(image.children ?? [], md.options, env);
  const { item, problems } = resolveMedia(mode ? { src, alt, mode } : { src, alt }, context);
  for (const p of problems) reportAt(env, { line }, p.severity, p.rule, p.message);
  if (item) {
    image.meta = { ...image.meta, media: item, placement: { figure: false } } satisfies MediaMeta;
    return true;
  }
  if (problems.some((p) => p.rule === "media/unsafe-url")) {
    // Never emit the URL: the image becomes its alt text.
    Object.assign(image, { type: "text", tag: "", attrs: null, children: null, content: alt });
    return false;
  }
  const local = mode ? null : sizeLocalImage(src, context);
  if (local && "problem" in local) reportAt(env, { line }, local.problem.severity, local.problem.rule, local.problem.message);
  if (local && "width" in local) {
    image.attrSet("width", String(local.width));
    image.attrSet("height", String(local.height));
    image.attrSet("loading", "lazy");
    image.attrSet("decoding", "async");
  }
  return false;
}

/**
 * A paragraph of media only becomes the media themselves: one figure, or a
 * `<div class="media-row">` of figures when there are several.
 */
function shapeMediaParagraph(tokens: Token[], i: number): void {
  const open = tokens[i - 1];
  const close = tokens[i + 1];
  const children = tokens[i]!.children!;
  if (open?.type !== "paragraph_open" || close?.type !== "paragraph_close") return;
  const media = children.filter((c) => (c.meta as Partial<MediaMeta> | null)?.media);
  const spacing = (c: Token) => c.type === "softbreak" || c.type === "hardbreak" || (c.type === "text" && c.content.trim() === "");
  const onlyMedia = children.every((c) => spacing(c) || media.includes(c));
  if (media.length === 0 || !onlyMedia) return;
  const inRow = media.length > 1;
  for (const c of media) (c.meta as unknown as MediaMeta).placement = { figure: true, inRow };
  // Each figure ends its own line; the spacing between them is dropped.
  tokens[i]!.children = media;
  if (!inRow) {
    open.hidden = close.hidden = true;
    return;
  }
  Object.assign(open, { type: "media_row_open", tag: "div", hidden: false });
  Object.assign(close, { type: "media_row_close", tag: "div", hidden: false });
  open.attrJoin("class", "media-row");
}

/** The page's absolute path (`env.file` is relative to the project root). */
function pageFile(env: RenderEnv, root: string): string {
  return resolve(root, env.file);
}

/** The core rule: strips the mode attributes everywhere, resolves images and shapes rows. */
function mediaCoreRule(md: MarkdownIt, root: string, state: StateCore): void {
  const env = envOf(state.env);
  const context: MediaContext = { root, metadata: loadMediaMetadata(join(root, MEDIA_METADATA_FILE)), pageFile: pageFile(env, root) };
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === MEDIA_FIGURE_TOKEN) {
      const { request } = token.meta as unknown as MediaFigureMeta;
      const { item, problems } = resolveMedia(request, context);
      for (const p of problems) reportAt(env, { line }, p.severity, p.rule, p.message);
      token.meta = item ? ({ media: item, placement: { figure: true } } satisfies MediaMeta) : null;
      continue;
    }
    if (token.type !== "inline") {
      reportMisplacedMode(token, env, line);
      continue;
    }
    let breaks = 0;
    let anyMedia = false;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") breaks++;
      if (child.type === "image") anyMedia = resolveImage(md, child, context, env, line + breaks) || anyMedia;
      else reportMisplacedMode(child, env, line + breaks);
    }
    if (anyMedia) shapeMediaParagraph(tokens, i);
  }
}

function reportMisplacedMode(token: Token, env: RenderEnv, line: number): void {
  const mode = token.attrs ? takeMode(token) : undefined;
  if (!mode) return;
  reportAt(env, { line }, "error", "media/misplaced-mode", `{${mode.attribute}=${mode.value}} only applies to an image: write it right after ![alt](URL)`);
}

function authorAttributes(token: Token): AuthorAttributes {
  const classes = (attr(token, "class") ?? "").split(/\s+/).filter(Boolean);
  return { id: attr(token, "id"), classes, lang: attr(token, "lang"), title: attr(token, "title") };
}

/** Registers the media block rule, core rule and renderers. */
export function mediaPlugin(md: MarkdownIt, options: { root: string }): void {
  mediaRowBlockPlugin(md);
  // After markdown-it-attrs, whose rule moves `{gyazo=…}` onto the image token.
  md.core.ruler.after("curly_attributes", "media", (state) => mediaCoreRule(md, options.root, state));

  const escape = md.utils.escapeHtml;
  const previousImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const meta = tokens[idx]!.meta as Partial<MediaMeta> | null;
    if (!meta?.media) return previousImage(tokens, idx, opts, env, self);
    return renderMedia(meta.media, authorAttributes(tokens[idx]!), meta.placement!, escape);
  };
  md.renderer.rules[MEDIA_FIGURE_TOKEN] = (tokens, idx) => {
    const meta = tokens[idx]!.meta as MediaMeta | null;
    return meta ? renderMedia(meta.media, { classes: [] }, meta.placement, escape) : "";
  };
}
