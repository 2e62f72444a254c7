/**
 * `npm start`'s rebuilds (the plan in dev-rebuild-plan.ts) bound to one Eleventy: a save of
 * content pages alone is rebuilt incrementally, and when that changed what other pages
 * show, a full rebuild follows at once; any other save rebuilds the whole site.
 */
import { join } from "node:path";
import type { SiteParts } from "../../eleventy.config.ts";
import type { EleventyConfig } from "../eleventy/types.ts";
import { onlyContentPages, outwardStamp } from "./dev-rebuild-plan.ts";

/** What this needs of an Eleventy instance: its incremental switch, and its watcher once it watches. */
interface WatchedEleventy {
  setIncrementalBuild(on: boolean): void;
  watcher?: { emit(event: "change", path: string): unknown };
}

/** One per Eleventy instance of `npm start`. */
export class DevRebuilds {
  #elev: WatchedEleventy | undefined;
  #stamp: string | undefined;
  #queue: readonly string[] = [];
  #incremental = false;
  #followUp = false;

  constructor(private readonly root: string) {}

  /** Registers the watch hooks; `attach` hands over the instance once it exists. */
  configure(eleventyConfig: EleventyConfig, parts: SiteParts): void {
    eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
      this.#queue = queue;
      this.#incremental = !this.#followUp && onlyContentPages(queue, join(this.root, "content"));
      this.#followUp = false;
      this.#elev?.setIncrementalBuild(this.#incremental);
    });
    eleventyConfig.on("eleventy.after", () => {
      const model = parts.model();
      if (!model) return;
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

  attach(elev: WatchedEleventy): void {
    this.#elev = elev;
  }
}
