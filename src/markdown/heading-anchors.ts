/**
 * Heading ids, anchor links and the table of contents, all from tokens at build time.
 * A core rule gives every heading an id (the author's `{#id}`, else a slug of its text),
 * records h2/h3 in `env.toc` for the layout, and marks the closing token so the renderer
 * can add `<a class="heading-anchor">` (common.md "DOM contracts").
 */
import { envOf } from "./render-env.ts";
import { langOrDefault } from "../i18n/locale.ts";
import { t } from "../i18n/t.ts";
import { createSlugger } from "./heading-slug.ts";
import { reportAt, type MarkdownIt, type RenderEnv, type Token } from "./types.ts";

/** One table-of-contents entry. */
export interface TocEntry {
  level: 2 | 3;
  id: string;
  /** Plain heading text (not HTML-escaped). */
  text: string;
}

/** What the core rule leaves on a `heading_close` token for the renderer. */
interface AnchorMeta {
  anchorId: string;
  anchorText: string;
}

/** The text a reader sees in a heading: text and inline code, without markup. */
export function headingText(inline: Token | undefined): string {
  let text = "";
  for (const child of inline?.children ?? []) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "image") text += child.children?.map((c) => c.content).join("") ?? "";
  }
  return text.trim();
}

function assignIds(tokens: Token[], env: RenderEnv): TocEntry[] {
  const headings = tokens.flatMap((token, i) => (token.type === "heading_open" ? [i] : []));
  const explicit = new Set<string>();
  for (const i of headings) {
    const raw = tokens[i]!.attrGet("id");
    if (raw === null) continue;
    const id = String(raw);
    if (explicit.has(id)) {
      reportAt(env, tokens[i]!, "error", "heading/duplicate-id", `heading id "${id}" is used twice on this page; give one of them another {#id}`);
    }
    explicit.add(id);
  }
  const slug = createSlugger(explicit);
  const toc: TocEntry[] = [];
  for (const i of headings) {
    const open = tokens[i]!;
    const text = headingText(tokens[i + 1]);
    const written = open.attrGet("id");
    const id = written === null ? slug(text) : String(written);
    open.attrSet("id", id);
    // markdown-it always emits heading_open, inline, heading_close.
    const close = tokens[i + 2];
    if (close?.type === "heading_close") close.meta = { ...close.meta, anchorId: id, anchorText: text } satisfies AnchorMeta;
    if (open.tag === "h2" || open.tag === "h3") toc.push({ level: open.tag === "h2" ? 2 : 3, id, text });
  }
  return toc;
}

/** Registers the core rule and the `heading_close` renderer. */
export function headingAnchorsPlugin(md: MarkdownIt): void {
  // Pushed last among core rules: markdown-it-attrs' `curly_attributes` must already have
  // turned `{#id}` into an attribute and removed it from the heading text.
  md.core.ruler.push("heading_anchors", (state) => {
    const env = envOf(state.env);
    env.toc = assignIds(state.tokens, env);
  });

  const previous = md.renderer.rules.heading_close;
  md.renderer.rules.heading_close = (tokens, idx, options, env, self) => {
    const meta = tokens[idx]!.meta as Partial<AnchorMeta> | null;
    const close = previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    if (!meta?.anchorId) return close;
    const escape = md.utils.escapeHtml;
    const label = t(langOrDefault(envOf(env).lang), "heading.anchorLabel", { heading: meta.anchorText ?? "" });
    return `<a class="heading-anchor" href="#${escape(meta.anchorId)}" aria-label="${escape(label)}">#</a>${close}`;
  };
}

/** A TOC entry with the h3 entries that follow it (an h3 before any h2 stands alone). */
export interface TocNode extends TocEntry {
  children: TocEntry[];
}

/** Nests h3 entries under the h2 before them, for a two-level list. */
export function nestToc(entries: readonly TocEntry[] | undefined): TocNode[] {
  const out: TocNode[] = [];
  for (const entry of Array.isArray(entries) ? entries : []) {
    const parent = out.at(-1);
    if (entry.level === 3 && parent && parent.level === 2) parent.children.push(entry);
    else out.push({ ...entry, children: [] });
  }
  return out;
}
