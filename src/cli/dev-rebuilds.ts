/**
 * `npm start`'s rebuilds (the plan in dev-rebuild-plan.ts) bound to one Eleventy: a save
 * that changed only the bodies of known content pages is rebuilt incrementally, and when
 * that still changed what other pages show (heading ids, findings), a full rebuild follows
 * at once; any other save (front matter, a new page, nav, data, layouts) rebuilds the site.
 */
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SiteParts } from "../../eleventy.config.ts";
import type { EleventyConfig } from "../eleventy/types.ts";
import { FrontMatterLedger, onlyContentPages, outwardStamp } from "./dev-rebuild-plan.ts";

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // deleted
  }
};

/** What this needs of an Eleventy instance: its incremental switch, and its watcher once it watches. */
interface WatchedEleventy {
  setIncrementalBuild(on: boolean): void;
  watcher?: { emit(event: "change", path: string): unknown };
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

  constructor(private readonly root: string) {}

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
    });
    eleventyConfig.on("eleventy.after", ({ results }: { results?: ReadonlyArray<{ outputPath?: string | false }> }) => {
      this.#completed = true;
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
}
