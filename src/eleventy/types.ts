/** The slice of Eleventy's config API the plugins use (Eleventy ships no TypeScript types). */
export interface EleventyConfig {
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options?: T): void;
  setLibrary(name: string, lib: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addGlobalData(name: string, value: unknown): void;
  addDataExtension(extensions: string, options: { parser: (text: string, path: string) => unknown }): void;
  addFilter(name: string, fn: (...args: any[]) => unknown): void;
  addAsyncFilter(name: string, fn: (...args: any[]) => Promise<unknown>): void;
  addShortcode(name: string, fn: (...args: any[]) => unknown): void;
  addPairedShortcode(name: string, fn: (content: string, ...args: any[]) => unknown): void;
  addCollection(name: string, fn: (api: any) => unknown): void;
  addTransform(name: string, fn: (this: { page: { outputPath: string | false } }, content: string) => unknown): void;
  addWatchTarget(path: string): void;
  addTemplate?(path: string, content: string, data?: Record<string, unknown>): void;
  /** Eleventy 3: runs before a template is processed; returning false drops the template. */
  addPreprocessor?(name: string, extensions: string, fn: (data: any, content: string) => unknown): void;
  on(event: string, fn: (...args: any[]) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  /** "passthrough": under `--serve`, passthrough copy is served from its source instead of copied. */
  setServerPassthroughCopyBehavior?(behavior: "copy" | "passthrough"): void;
  /** Options for Eleventy's file watcher (chokidar), merged over its defaults. */
  setChokidarConfig?(options: Record<string, unknown>): void;
  /** false: read every template from disk on each build (Eleventy keeps a process-wide cache otherwise). */
  setUseTemplateCache(use: boolean): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  htmlTransformer: { addPosthtmlPlugin(extensions: string, plugin: (options: Record<string, unknown>) => unknown, options?: Record<string, unknown>): void };
  /** Eleventy's path prefix (`--pathprefix`), known once the config callback has returned. */
  pathPrefix?: string;
  setTemplateFormats(formats: readonly string[]): void;
  setDataFileSuffixes(suffixes: readonly string[]): void;
  ignores: { add(glob: string): void };
  watchIgnores: { add(glob: string): void };
  [key: string]: unknown;
}

/** What Eleventy passes to `eleventy.before` / `eleventy.after` handlers, as far as the plugins read it. */
export interface BuildEvent {
  /** "build", "watch" or "serve". */
  runMode?: string;
  /** "fs" when writing files; "json"/"ndjson" under toJSON(). */
  outputMode?: string;
  directories: { output: string };
  /** What this build wrote (eleventy.after): each page's output path and HTML. */
  results?: ReadonlyArray<{ outputPath?: string | false; content?: string }>;
}
