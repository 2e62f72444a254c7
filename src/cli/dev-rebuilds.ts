/**
 * `npm start`'s rebuilds (the plan in dev-rebuild-plan.ts) bound to one Eleventy: a save
 * that changed only the bodies of known content pages is rebuilt incrementally, and when
 * that still changed what other pages show (heading ids, findings), a full rebuild follows
 * at once; any other save (front matter, a new page, nav, data, layouts) rebuilds the site.
 *
 * Such a save is shown before any rebuild: as soon as Eleventy reports it, the saved page
 * is read and rendered as the check will read it, and when only its article changed
 * ({@link patchedPage}, with the same findings of its own) the page Eleventy last wrote is
 * patched, written and sent to the browser; the dev server then answers requests for a
 * moment before the rebuild takes the event loop. That costs the same at any site size,
 * where the check and Eleventy's bookkeeping grow with it (≈0.5 s and ≈2 s at 2,000
 * pages/lang). The rebuild follows and writes the page itself: when the check found
 * nothing else changed, a page it wrote otherwise than the patch is reported; when it did
 * (a new broken link, say, which every page's banner counts), the site is rebuilt anyway.
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SiteParts } from "../../eleventy.config.ts";
import { readContentPage, type SiteModel, type SitePage } from "../check/site-model.ts";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.ts";
import type { EleventyConfig } from "../eleventy/types.ts";
import { projectRelativePath } from "../util/url-path.ts";
import { readIfPresent } from "../util/read-if-present.ts";
import { writeFileAtomically } from "../util/write-atomically.ts";
import { parseSource } from "../content/source.ts";
import {
  FrontMatterLedger, frontMatterOf, hrefAttribute, onlyContentPages, outwardStamp, patchedPage, retitledLinks, retitledPage, titleChange, type BodyView,
} from "./dev-rebuild-plan.ts";

/**
 * How long the dev server answers requests after a patched page went out, before the
 * rebuild: a page's reload (another tab, a manual refresh) is served then, not after it.
 */
const ANSWER_BEFORE_REBUILD_MS = 40;
const MIN_ANSWER_MS = 10;

/** A file's text; undefined once it is deleted. */
const readText = (file: string) => readIfPresent(file)?.toString("utf8");

/** What this needs of an Eleventy instance: its incremental switch, its watcher once it watches, its dev server. */
interface WatchedEleventy {
  setIncrementalBuild(on: boolean): void;
  watcher?: { emit(event: "change", path: string): unknown; on(event: "change", listener: (path: string) => void): unknown };
  /** Eleventy's watch bookkeeping: whether a build runs (from its watch run's start until it has settled). */
  watchManager?: { isBuildRunning(): boolean };
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

/** A saved page that may be patched: the path as Eleventy queued it, its file, what its layout showed of the body (and the render's findings), where it is written. */
interface PatchCandidate {
  queued: string;
  file: string;
  before: BodyView;
  findings: string;
  outputPath: string;
  url: string;
}

/** What a render's findings show on its page: the banner's lines and the markers it links to. */
const findingsOf = (body: { diagnostics: readonly Diagnostic[]; markers: readonly number[] }) =>
  JSON.stringify([body.diagnostics.map(formatDiagnostic), body.markers]);

/** One per Eleventy instance of `npm start`. */
export class DevRebuilds {
  #elev: WatchedEleventy | undefined;
  #stamp: string | undefined;
  readonly #frontMatter = new FrontMatterLedger();
  /** What the latest full rebuild wrote. */
  #written = new Set<string>();
  #queue: readonly string[] = [];
  #incremental = false;
  /** A file whose incremental rebuild changed what other pages show: the whole site is owed a rebuild, reported as its save. */
  #followUp: string | false = false;
  #followUpAsked = false;
  /** Whether the previous build got to eleventy.after (false while one runs); after a failed one the site is rebuilt whole. */
  #completed = true;
  /** Where each content page (absolute input path) was last written, and its URL. */
  readonly #pages = new Map<string, { outputPath: string; url: string }>();
  #candidates: PatchCandidate[] = [];
  #parts: SiteParts | undefined;
  /** Pages patched at their save since the last build began, with the text they were patched from. */
  #early = new Map<string, string>();
  /** When pages were last patched at a save (the saved page, or the pages linking it after a title change). */
  #pushedAt: number | undefined;
  #lastOutward: { model: SiteModel; findings: string; stamp: string } | undefined;
  /** Output path → the HTML a patch wrote there and the page text it came from, until Eleventy writes the page itself. */
  readonly #patched = new Map<string, { html: string; source: string; bytes: Buffer }>();
  /** When this build's patch was written (`performance.now()`), for the summary line; undefined without one. */
  patchedAt: number | undefined;
  /** When Eleventy reported the save this build rebuilds (`performance.now()`); undefined for the first build. */
  savedAt: number | undefined;
  /** Pages patched, pages Eleventy then wrote otherwise than the patch (always 0), and pages whose links took a new title first; tests read them. */
  readonly counts = { patched: 0, differed: 0, retitled: 0 };

  /** `pathPrefix`: the dev server's base path (`--pathprefix`), which the browser's URLs carry. */
  constructor(
    private readonly root: string,
    private readonly pathPrefix = "/",
  ) {}

  /** Registers the watch hooks; `attach` hands over the instance once it exists. */
  configure(eleventyConfig: EleventyConfig, parts: SiteParts): void {
    this.#parts = parts;
    eleventyConfig.on("eleventy.beforeWatch", async (queue: string[]) => {
      const early = this.#early;
      this.#early = new Map();
      if (early.size === 0) {
        this.savedAt = performance.now();
        this.patchedAt = undefined;
      }
      this.#queue = queue;
      const texts = queue.map((file) => [resolve(file), readText(resolve(file))] as const);
      this.#incremental = !this.#followUp && this.#completed && onlyContentPages(queue, join(this.root, "content")) &&
        texts.every(([file, now]) => this.#frontMatter.bodyOnly(file, now));
      for (const [file, now] of texts) this.#frontMatter.record(file, now);
      this.#followUp = this.#followUpAsked = false;
      this.#completed = false;
      this.#elev?.setIncrementalBuild(this.#incremental);
      // A page patched at its save whose rebuild is the whole site (a nav or data file
      // saved too) is written with that change as well: not a patch gone wrong.
      if (!this.#incremental) this.#patched.clear();
      // Before the check reads the saved files again: what the pages show now. A page shown
      // at its save is one no longer, unless it was saved again since.
      this.#candidates = !this.#incremental ? [] : queue.flatMap((queued) => {
        const path = resolve(queued);
        return early.has(path) && early.get(path) === texts.find(([file]) => file === path)?.[1] ? [] : this.#candidate(queued, parts);
      });
      // Requests since the page went out are answered before the rebuild takes the event loop:
      // until ANSWER_BEFORE_REBUILD_MS after the patch, and at least a few turns of the loop
      // (the patch may have come while Eleventy was still busy after its last build).
      const pushedAt = this.#pushedAt;
      this.#pushedAt = undefined;
      if (pushedAt !== undefined) {
        const wait = pushedAt + ANSWER_BEFORE_REBUILD_MS - performance.now();
        await new Promise((done) => setTimeout(done, Math.max(wait, MIN_ANSWER_MS)));
      }
    });
    // Right after the check, before the previews, bundles and the rest of eleventy.before.
    parts.afterCheck.push(() => {
      const candidates = this.#candidates;
      this.#candidates = [];
      const model = parts.model();
      // Only when nothing another page shows changed: then the saved pages are all that differ.
      if (!model || this.#outward(model, parts.diagnostics.all()) !== this.#stamp) {
        // The early patches did not show that change (a finding in the banner): the site is rebuilt.
        this.#patched.clear();
        return;
      }
      const patched = candidates.filter((candidate) => {
        const page = model.pages.find((p) => p.file === candidate.file);
        return page !== undefined && this.#patch(candidate, page);
      });
      if (patched.length > 0) this.patchedAt ??= performance.now();
    });

    eleventyConfig.on("eleventy.after", ({ results }: { results?: readonly BuildResult[] }) => {
      this.#completed = true;
      this.#took(results ?? []);
      if (!this.#incremental) this.#removeStale(results ?? []);
      const model = parts.model();
      if (!model) return;
      if (!this.#frontMatter.seeded) this.#frontMatter.seed(model, this.root);
      const stamp = this.#outward(model, parts.diagnostics.all());
      const changed = this.#stamp !== undefined && stamp !== this.#stamp;
      this.#stamp = stamp;
      // The whole site is owed a rebuild: the next build pays it (beforeWatch makes any
      // build full while one is owed), or, when none is queued, eleventy.afterwatch asks.
      if (this.#incremental && changed && this.#queue[0]) this.#followUp = this.#queue[0];
    });
    // Once Eleventy is idle again (its watch run and the runs it queued have ended). Asked
    // any earlier, from inside the build, Eleventy queued the save twice over: its "saved
    // while running" run, and its watcher's timer, which could fire after that run ended
    // and rebuild the whole site once more with nothing changed.
    eleventyConfig.on("eleventy.afterwatch", () => {
      // A watch run that found a build running ends at once: the build's own run asks.
      if (this.#followUp === false || this.#followUpAsked || !this.#elev?.watcher || this.#elev.watchManager?.isBuildRunning()) return;
      // Reported as a save of the same file: Eleventy rebuilds, and beforeWatch makes it whole.
      this.#followUpAsked = true;
      this.#elev.watcher.emit("change", this.#followUp);
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

  /** Once Eleventy watches: each save it reports is looked at as it comes ({@link #saved}). */
  watching(): void {
    this.#elev?.watcher?.on("change", (path) => this.#saved(path));
  }

  /**
   * A save as Eleventy's watcher reports it. While no build runs (Eleventy may still be
   * busy after the last one: ≈2 s at 2,000 pages/lang), a body-only save of a known page
   * is read and rendered as the check will read it, and patched in when only its article
   * changed, with the same findings of its own. During a build the save waits for its own
   * rebuild, whose check patches it (afterCheck): the running build could still write the
   * page as it was.
   */
  #saved(queued: string): void {
    const parts = this.#parts;
    const path = resolve(queued);
    if (!parts || !this.#completed || this.#followUp || !onlyContentPages([queued], join(this.root, "content"))) return;
    const text = readText(path);
    if (text === undefined) return;
    if (!this.#frontMatter.bodyOnly(path, text)) {
      this.#retitle(path, text, parts);
      return;
    }
    const savedAt = performance.now();
    const [candidate] = this.#candidate(queued, parts);
    if (!candidate) return;
    const page = readContentPage(this.root, "content", path, Buffer.from(text), parts.bodies);
    if (page.body === undefined || findingsOf(page.body) !== candidate.findings || !this.#patch(candidate, page)) return;
    if (this.#early.size === 0) this.savedAt = savedAt;
    this.#early.set(path, text);
    this.patchedAt = this.#pushedAt = performance.now();
  }

  /**
   * {@link outwardStamp} of the site as this build's check read it, with these findings:
   * hashed once per build (afterCheck and eleventy.after ask for it with the same model
   * unless Eleventy reported an error in between), not twice (≈30 ms at 2,000 pages/lang).
   */
  #outward(model: SiteModel, diagnostics: readonly Diagnostic[]): string {
    const findings = diagnostics.map(formatDiagnostic).join("\n");
    const last = this.#lastOutward;
    if (last?.model === model && last.findings === findings) return last.stamp;
    const stamp = outwardStamp(model, diagnostics);
    this.#lastOutward = { model, findings, stamp };
    return stamp;
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
    return [{ queued, file, before: { html: body.html, toc: body.toc, markdown: source.body }, findings: findingsOf(body), ...written }];
  }

  /** Writes the patched page and hands it to the browser when only its article changed; whether it did. */
  #patch(candidate: PatchCandidate, page: SitePage): boolean {
    if (!page.source || !page.body) return false;
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

  /**
   * A save that changed only the page's title: the whole site is rebuilt (≈10 s at 2,000
   * pages/lang), so first the pages of its language that link it with that title (nav,
   * prev/next, section index, tags) are patched to the new one ({@link retitledLinks}),
   * and the page itself where it shows its title ({@link retitledPage}), and pushed to the
   * browser. The rebuild then writes every page, these included.
   */
  #retitle(path: string, text: string, parts: SiteParts): void {
    const file = projectRelativePath(this.root, path);
    const page = parts.model()?.pages.find((p) => p.file === file);
    const written = this.#pages.get(path);
    // The check's view of the page must be the one Eleventy last rendered.
    if (!page?.source || !page.lang || !written || frontMatterOf(page.bytes.toString("utf8")) !== this.#frontMatter.taken(path)) return;
    let saved;
    try {
      saved = parseSource(file, text);
    } catch {
      return; // not YAML: the rebuild reports it
    }
    const change = titleChange({ data: page.data, body: page.source.body }, saved);
    if (!change) return;
    const prefix = this.pathPrefix.replace(/\/$/, "");
    const templates: Array<{ url: string; inputPath: string; content: string }> = [];
    // Most pages do not link it: found in their bytes, only those that do are decoded (at
    // 2,000 pages/lang, reading every page as text took about half of the title's way to the browser).
    const linked = Buffer.from(hrefAttribute(prefix + written.url));
    for (const [inputPath, other] of this.#pages) {
      if (inputPath === path || !other.url.startsWith(`/${page.lang}/`)) continue;
      const bytes = readIfPresent(other.outputPath);
      if (!bytes?.includes(linked)) continue;
      const after = retitledLinks(bytes.toString("utf8"), prefix + written.url, change.before, change.after);
      if (after === undefined) continue;
      writeFileAtomically(other.outputPath, after);
      templates.push({ url: prefix + other.url, inputPath, content: after });
    }
    const own = readText(written.outputPath);
    const retitled = own === undefined ? undefined : retitledPage(own, change.before, change.after);
    if (retitled !== undefined) {
      writeFileAtomically(written.outputPath, retitled);
      templates.push({ url: prefix + written.url, inputPath: path, content: retitled });
    }
    if (templates.length === 0) return;
    this.counts.retitled += templates.length;
    this.#pushedAt = performance.now();
    // The dev server sends only the templates whose input is among `files`.
    void this.#elev?.eleventyServe?.reload({ files: templates.map((t) => t.inputPath), build: { templates } }).catch(() => {});
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
