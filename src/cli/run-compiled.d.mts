/** Types of src/cli/run-compiled.mjs (plain JavaScript: it runs before anything is compiled). */
export declare const compiledDir: (root: string) => string;
/** The compiled bundle of a TypeScript file of the project at `root`, compiled first when stale. */
export declare function compiledEntry(entry: string, root?: string): Promise<string>;
/** The command line `[--once] <entry.ts> [args…]`: the entry, its arguments, and what `--once` adds to the environment. */
export declare function parseCommand(argv: string[]): { entry: string; args: string[]; env: Record<string, string> };
