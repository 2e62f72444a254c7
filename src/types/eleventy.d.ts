// Eleventy 3 ships JavaScript without type declarations; this is the part the project uses.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    initializeConfig(overrides?: Record<string, unknown>): Promise<void>;
    /** Reads the configuration and project files; once, before `serve`. */
    init(): Promise<void>;
    toJSON(): Promise<unknown[]>;
    write(): Promise<unknown>;
    /** Builds, then watches; resolves once the watcher is ready. */
    watch(): Promise<unknown>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    /** Eleventy's error reporter; `error` is called with every build and watch error. */
    readonly errorHandler: { error(error: unknown, message?: string): void };
    /** Eleventy's console logger; `overrideLogger` takes a console-like object or false. */
    readonly logger: { overrideLogger(logger: unknown): void };
  }
  /** Adds the path prefix to every URL attribute of HTML output. */
  export const HtmlBasePlugin: (config: unknown, options?: Record<string, unknown>) => void;
}
