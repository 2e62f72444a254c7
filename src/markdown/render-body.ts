/**
 * The one render path of a page body: source + {@link renderEnvFor} → HTML, TOC, ids,
 * facts and diagnostics. The content check and Eleventy's Markdown engine both call it;
 * {@link BodyRenderer} keeps each page's latest result so a build renders a page once.
 */
import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics.ts";
import type { DiskCache } from "../util/disk-cache.ts";
import { onFirstUse } from "../util/lazy-package.ts";
import { anchorIds } from "./anchor-ids.ts";
import type { MarkdownFacts } from "./facts.ts";
import type { TocEntry } from "./heading-anchors.ts";
import { renderEnvFor, type BodyInput } from "./render-env.ts";
import type { MarkdownIt } from "./types.ts";

/** Everything one render of a body produces. */
export interface RenderedBody {
  html: string;
  toc: readonly TocEntry[];
  /** Fragment targets (`#id`) the page has: heading ids, `{#id}`, raw HTML `id`. */
  ids: ReadonlySet<string>;
  facts: MarkdownFacts;
  diagnostics: readonly Diagnostic[];
  /** File lines where a failed block left a dev marker: the banner links there. */
  markers: readonly number[];
}

/** Renders `input` with `md`: the single function behind every page body on the site. */
export function renderBody(md: MarkdownIt, input: BodyInput): RenderedBody {
  const env = renderEnvFor(input);
  const tokens = md.parse(input.body, env);
  const ids = anchorIds(tokens);
  const html = md.renderer.render(tokens, md.options, env);
  return { html, toc: env.toc, ids, facts: env.facts, diagnostics: env.diagnostics, markers: env.markers };
}

function keyOf(input: BodyInput): string {
  const { lang, section, slug } = input.variables;
  return createHash("sha1").update(`${lang}\0${section}\0${slug}\0${input.bodyLineOffset}\0${input.dev === true}\0`).update(input.body).digest("hex");
}

/**
 * The latest render of each page file. A render depends on the body, the page variables
 * and the files plugins read (workflows, images, media sizes): {@link begin} with a new
 * stamp of those files forgets everything. With a {@link DiskCache}, renders also outlive
 * the process: the next build takes a page's render from disk when its file, input and
 * that stamp are the same (and the generator's code, which every key holds). The result
 * of a hit is, by construction, what a fresh render would give; tests compare the two
 * byte for byte.
 */
export class BodyRenderer {
  /** Renders done, and results served again; tests hold the cache to its promise. */
  readonly counts = { rendered: 0, reused: 0 };
  readonly #byFile = new Map<string, { key: string; body: RenderedBody }>();
  #stamp: string | undefined;

  /** Renders for the dev server (failed blocks leave markers); set per build by the Eleventy plugin. */
  dev = false;

  readonly #md: () => MarkdownIt;

  /**
   * `md`: the Markdown instance, or a function that makes it, called at the first render
   * that misses every cache: a build served wholly from `.cache/` never loads the packages
   * behind it (src/util/lazy-package.ts).
   */
  constructor(
    md: MarkdownIt | (() => MarkdownIt),
    private readonly disk?: DiskCache<RenderedBody>,
  ) {
    this.#md = typeof md === "function" ? onFirstUse(md) : () => md;
  }

  /** The Markdown instance renders use (made now, when it was given as a function). */
  get md(): MarkdownIt {
    return this.#md();
  }

  /** Starts a build: drops every result when the files renders read have changed. */
  begin(dependencyStamp: string): void {
    if (dependencyStamp !== this.#stamp) this.#byFile.clear();
    this.#stamp = dependencyStamp;
  }

  /** The body of `input.file` rendered from `input`: the kept result when the input is the same. */
  render(given: BodyInput): RenderedBody {
    const input = this.dev ? { ...given, dev: true } : given;
    const key = keyOf(input);
    const kept = this.#byFile.get(input.file);
    if (kept?.key === key) {
      this.counts.reused++;
      return kept.body;
    }
    // Only after a begin(): the stamp of what the render reads is part of the key on disk.
    const diskKey = this.disk && this.#stamp !== undefined ? this.disk.keyOf(this.#stamp, input.file, key) : undefined;
    let body = diskKey === undefined ? undefined : this.disk!.get(diskKey);
    if (body) {
      this.counts.reused++;
    } else {
      this.counts.rendered++;
      body = renderBody(this.md, input);
      if (diskKey !== undefined) this.disk!.set(diskKey, body);
    }
    this.#byFile.set(input.file, { key, body });
    return body;
  }

  /** The latest render of `file` (project-relative), if any. */
  latest(file: string): RenderedBody | undefined {
    return this.#byFile.get(file)?.body;
  }

  /** Forgets pages no longer in the site. */
  retain(files: ReadonlySet<string>): void {
    for (const file of this.#byFile.keys()) if (!files.has(file)) this.#byFile.delete(file);
  }

  /** Deletes the renders on disk this process did not use (after a whole production build). */
  pruneDisk(): void {
    this.disk?.prune();
  }

  /** Writes the renders kept for the disk since the last flush (src/util/disk-cache.ts). */
  async flushDisk(): Promise<void> {
    await this.disk?.flush();
  }
}
