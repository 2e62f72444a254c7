// Eleventy 3 ships JavaScript without type declarations; this is the part the project uses.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    initializeConfig(overrides?: Record<string, unknown>): Promise<void>;
    toJSON(): Promise<unknown[]>;
    write(): Promise<unknown>;
  }
  /** Adds the path prefix to every URL attribute of HTML output. */
  export const HtmlBasePlugin: (config: unknown, options?: Record<string, unknown>) => void;
}
