/**
 * Bodies the content check has already rendered, handed to Eleventy's render of the same
 * page so that a build parses each page once, not twice. The check parses every page
 * before Eleventy writes anything (so that bad content stops the build with nothing
 * written); where the body Eleventy renders is exactly the text the check parsed (a
 * body without Nunjucks tags, in the same language), rendering it again would give the
 * same HTML. Anything else — a body with tags, another language, a page the check did
 * not render — renders as usual.
 */
import { resolve } from "node:path";
import type { TocEntry } from "./heading-anchors.ts";
import type { MarkdownIt, RenderEnv } from "./types.ts";

interface Rendered {
  src: string;
  lang: unknown;
  html: string;
  toc: TocEntry[] | undefined;
}

/** True when Nunjucks renders `body` to itself: no `{{`, `{%` or `{##` anywhere. */
export function isPlainForNunjucks(body: string): boolean {
  return !/\{[{%]|\{##/.test(body);
}

/** Rendered bodies by the page file's absolute path, each taken at most once. */
export class RenderedBodies {
  /** Renders served from the check, and renders done afresh; tests hold it to its promise. */
  readonly counts = { reused: 0, rendered: 0 };
  readonly #bodies = new Map<string, Rendered>();

  /** Keeps the HTML of `src` rendered with `env` (its `lang` and the `toc` the parse left in it). */
  keep(file: string, src: string, env: RenderEnv, html: string): void {
    this.#bodies.set(resolve(file), { src, lang: env.lang, html, toc: env.toc as TocEntry[] | undefined });
  }

  /** Forgets what was not taken (pages Eleventy did not render), so nothing outlives a build. */
  clear(): void {
    this.#bodies.clear();
  }

  /**
   * What Eleventy's Markdown engine calls: the kept HTML when the page, text and language
   * match (leaving the TOC in `env` as a parse would), else `md.render`.
   */
  render(md: MarkdownIt, src: string, env: RenderEnv | undefined): string {
    const inputPath = env?.page?.inputPath;
    const kept = inputPath ? this.#bodies.get(resolve(inputPath)) : undefined;
    if (kept && kept.src === src && kept.lang === env!.lang) {
      this.#bodies.delete(resolve(inputPath!));
      if (kept.toc) env!.toc = kept.toc;
      this.counts.reused++;
      return kept.html;
    }
    this.counts.rendered++;
    return md.render(src, env);
  }

  /** `md` as Eleventy's Markdown library: everything of `md`, with `render` going through here. */
  libraryFor(md: MarkdownIt): MarkdownIt {
    const library = Object.create(md) as MarkdownIt;
    library.render = (src: string, env?: RenderEnv) => this.render(md, src, env);
    return library;
  }
}
