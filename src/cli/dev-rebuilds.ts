/**
 * `npm start`'s rebuilds (the plan in dev-rebuild-plan.ts) bound to one Eleventy: a save
 * that changed only the bodies of known content pages is rebuilt incrementally, and when
 * that still changed what other pages show (heading ids, findings), a full rebuild follows
 * at once; any other save (front matter, a new page, nav, data, layouts) rebuilds the site.
 * Before that incremental rebuild, the saved page is patched in place when only its
 * article changed ({@link patchedPage}): written and sent to the browser as soon as the
 * check has run, instead of after Eleventy's bookkeeping of the whole site (≈0.3 s at 500
 * pages/lang); Eleventy then writes the page itself, and a page it wrote otherwise than the
 * patch is reported.
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SiteParts } from "../../eleventy.config.ts";
import type { SiteModel } from "../check/site-model.ts";
import type { EleventyConfig } from "../eleventy/types.ts";
import { projectRelativePath } from "../util/url-path.ts";
import { writeFileAtomically } from "../util/write-atomically.ts";
import { FrontMatterLedger, onlyContentPages, outwardStamp, patchedPage, type BodyView } from "./dev-rebuild-plan.ts";

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // deleted
  }
};

/** What this needs of an Eleventy instance: its incremental switch, its watcher once it watches, its dev server. */
interface WatchedEleventy {
  setIncrementalBuild(on: boolean): void;
  watcher?: { emit(event: "change", path: string): unknown };
  /** The dev server's live reload: `build.templates` carry the new HTML, which the browser morphs in. */
  eleventyServe?: { reload(event: { files: string[]; build: { templates: Array<{ url: string; inputPath: string; content: string }> } }): Promise<unknown> };
}

/** One Eleventy result: where a page was written, its URL and its HTML. */
interface BuildResult {
  inputPath?: string;
  outputPath?: string | false;
  url?: string | false;
  content?: string;
}

/** A saved page that may be patched: the path as Eleventy queued it, its file, what its layout showed of the body, where it is written. */
interface PatchCandidate {
  queued: string;
  file: string;
  before: BodyView;
  outputPath: string;
  url: string;
}

/** One per Eleventy instance of `npm start`. */
export class DevRebuilds {
  #elev: WatchedEleventy | undefined;
  #stamp: string | undefined;
  readonly #frontMatter = new FrontMatterLedger();
  /** What the latest full rebuild wrote. */
  #written = new Set<string>();
  #queue: readonly string[] = [];
  #incremental = false;
  #followUp = false;
  /** Whether the previous build got to eleventy.after; after a failed one the site is rebuilt whole. */
  #completed = true;
  /** Where each content page (absolute input path) was last written, and its URL. */
  readonly #pages = new Map<string, { outputPath: string; url: string }>();
  #candidates: PatchCandidate[] = [];
  /** Output path → the HTML a patch wrote there and the page text it came from, until Eleventy writes the page itself. */
  readonly #patched = new Map<string, { html: string; source: string; bytes: Buffer }>();
  /** When this build's patch was written (`performance.now()`), for the summary line; undefined without one. */
  patchedAt: number | undefined;
  /** Pages patched, and pages Eleventy then wrote otherwise than the patch (always 0); tests read them. */
  readonly counts = { patched: 0, differed: 0 };

  /** `pathPrefix`: the dev server's base path (`--pathprefix`), which the browser's URLs carry. */
  constructor(
    private readonly root: string,
    private readonly pathPrefix = "/",
  ) {}

  /** Registers the watch hooks; `attach` hands over the instance once it exists. */
  configure(eleventyConfig: EleventyConfig, parts: SiteParts): void {
    eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
      this.#queue = queue;
      const texts = queue.map((file) => [resolve(file), readText(resolve(file))] as const);
      this.#incremental = !this.#followUp && this.#completed && onlyContentPages(queue, join(this.root, "content")) &&
        texts.every(([file, now]) => this.#frontMatter.bodyOnly(file, now));
      for (const [file, now] of texts) this.#frontMatter.record(file, now);
      this.#followUp = false;
      this.#completed = false;
      this.#elev?.setIncrementalBuild(this.#incremental);
      // Before the check reads the saved files again: what the pages show now.
      this.#candidates = this.#incremental ? queue.flatMap((queued) => this.#candidate(queued, parts)) : [];
    });
    // Right after the check, before the previews, bundles and the rest of eleventy.before.
    parts.afterCheck.push(() => {
      const candidates = this.#candidates;
      this.#candidates = [];
      this.patchedAt = undefined;
      const model = parts.model();
      // Only when nothing another page shows changed: then the saved pages are all that differ.
      if (candidates.length === 0 || !model || outwardStamp(model, parts.diagnostics.all()) !== this.#stamp) return;
      const patched = candidates.filter((candidate) => this.#patch(candidate, model));
      if (patched.length > 0) this.patchedAt = performance.now();
    });

    eleventyConfig.on("eleventy.after", ({ results }: { results?: readonly BuildResult[] }) => {
      this.#completed = true;
      this.#took(results ?? []);
      if (!this.#incremental) this.#removeStale(results ?? []);
      const model = parts.model();
      if (!model) return;
      if (!this.#frontMatter.seeded) this.#frontMatter.seed(model, this.root);
      const stamp = outwardStamp(model, parts.diagnostics.all());
      const changed = this.#stamp !== undefined && stamp !== this.#stamp;
      this.#stamp = stamp;
      const file = this.#queue[0];
      if (!this.#incremental || !changed || !file || !this.#elev?.watcher) return;
      // Queued as a save of the same file: Eleventy runs it right after this build (its
      // "saved while running" path), and beforeWatch makes it a full rebuild.
      this.#followUp = true;
      this.#elev.watcher.emit("change", file);
    });
  }

  /**
   * Eleventy writes into the same folder on every rebuild and never deletes: after a page
   * is deleted or moved, its old HTML would still be served. A full rebuild writes every
   * page, so what the previous full rebuild wrote and this one did not is gone.
   */
  #removeStale(results: ReadonlyArray<{ outputPath?: string | false }>): void {
    const written = new Set(results.flatMap((r) => (typeof r.outputPath === "string" ? [resolve(r.outputPath)] : [])));
    for (const path of this.#written) if (!written.has(path)) rmSync(path, { force: true });
    this.#written = written;
  }

  attach(elev: WatchedEleventy): void {
    this.#elev = elev;
  }

  /** A queued content page, as its layout showed it, and where it was written; none when any of it is unknown. */
  #candidate(queued: string, parts: SiteParts): PatchCandidate[] {
    const path = resolve(queued);
    const written = this.#pages.get(path);
    if (!written) return [];
    const file = projectRelativePath(this.root, path);
    const body = parts.bodies.latest(file);
    const source = parts.model()?.pages.find((page) => page.file === file)?.source;
    if (!body || !source) return [];
    return [{ queued, file, before: { html: body.html, toc: body.toc, markdown: source.body }, ...written }];
  }

  /** Writes the patched page and hands it to the browser when only its article changed; whether it did. */
  #patch(candidate: PatchCandidate, model: SiteModel): boolean {
    const page = model.pages.find((p) => p.file === candidate.file);
    if (!page?.source || !page.body) return false;
    let html: string | undefined;
    try {
      html = patchedPage(readFileSync(candidate.outputPath, "utf8"), candidate.before, { html: page.body.html, toc: page.body.toc, markdown: page.source.body });
    } catch {
      return false; // the page was removed meanwhile: Eleventy writes it
    }
    if (html === undefined) return false;
    writeFileAtomically(candidate.outputPath, html);
    this.#patched.set(candidate.outputPath, { html, source: resolve(this.root, candidate.file), bytes: page.bytes });
    this.counts.patched++;
    const url = this.pathPrefix.replace(/\/$/, "") + candidate.url;
    void this.#elev?.eleventyServe?.reload({ files: [candidate.queued], build: { templates: [{ url, inputPath: candidate.queued, content: html }] } }).catch(() => {});
    return true;
  }

  /** Where the pages went; a page Eleventy wrote otherwise than its patch is reported. */
  #took(results: readonly BuildResult[]): void {
    for (const result of results) {
      if (typeof result.outputPath !== "string" || !result.inputPath || typeof result.url !== "string") continue;
      const outputPath = resolve(result.outputPath);
      this.#pages.set(resolve(result.inputPath), { outputPath, url: result.url });
      const patched = this.#patched.get(outputPath);
      if (patched === undefined || result.content === undefined || patched.html === result.content) continue;
      // Saved again after the check read it: Eleventy rendered the newer text, and rebuilds once more.
      if (readText(patched.source) !== patched.bytes.toString("utf8")) continue;
      this.counts.differed++;
      console.warn(`[dev] ${projectRelativePath(this.root, resolve(result.inputPath))}: the quick update differed from the rebuilt page, which is now served (please report this)`);
    }
    this.#patched.clear();
  }
}
