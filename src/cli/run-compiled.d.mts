/** Types of src/cli/run-compiled.mjs (plain JavaScript: it runs before anything is compiled). */
export declare const compiledDir: (root: string) => string;
/** The compiled bundle of a TypeScript file of the project at `root`, compiled first when stale. */
export declare function compiledEntry(entry: string, root?: string): Promise<string>;
