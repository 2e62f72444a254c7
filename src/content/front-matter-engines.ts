/**
 * Front matter is YAML data, nothing else: the engines given to gray-matter in the check
 * and in Eleventy. `---js` / `---javascript` front matter would be evaluated as code by
 * gray-matter's default engines, so those languages throw instead of running.
 */
import yaml from "js-yaml";

/** Eleventy data keys that change how a page is processed; content may not set them. */
export const PROCESSING_KEYS: readonly string[] = [
  "eleventyComputed",
  "templateEngineOverride",
  "pagination",
  "eleventyExcludeFromCollections",
  "eleventyImport",
  "dynamicPermalink",
];

function refuse(language: string): () => never {
  return () => {
    throw new Error(`front matter must be YAML; "---${language}" front matter is not allowed`);
  };
}

/**
 * The message for front matter js-yaml could not read (its reason, the first line without
 * its `(line:col)`), with a hint for the mistake authors make most: a value holding `: `
 * (`title: Upscaling: the basics`), which js-yaml calls "bad indentation of a mapping entry".
 * The check and the build both word it here, so they report the same line.
 */
export function yamlErrorMessage(reason: string): string {
  const first = reason.split("\n")[0]!.replace(/\s*\(\d+:\d+\)$/, "");
  const hint = /^bad indentation of a mapping entry/.test(first) ? `; put a value that contains ": " in quotes, e.g. title: "Upscaling: the basics"` : "";
  return `front matter is not valid YAML: ${first}${hint}`;
}

/** Front matter already parsed, by its text: the check reads each page first, Eleventy then reads the same text. */
const parsed = new Map<string, Record<string, unknown>>();
/** Texts kept: more than a site's pages, so a dev session's saved versions push out only the oldest. */
const KEPT_TEXTS = 20_000;

/**
 * YAML with js-yaml's default (data-only) schema; anything but a mapping becomes `{}`.
 * Each caller gets its own copy (Eleventy's data cascade may change what it is given).
 */
export function parseYamlData(text: string): Record<string, unknown> {
  let data = parsed.get(text);
  if (!data) {
    const value = yaml.load(text);
    data = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    if (parsed.size >= KEPT_TEXTS) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, data);
  }
  return structuredClone(data);
}

/** What the check reads: the author's YAML as written (the front-matter rule reports processing keys). */
export const checkEngines = {
  yaml: { parse: parseYamlData },
  js: refuse("js"),
  javascript: refuse("javascript"),
  json: refuse("json"),
};

/**
 * What Eleventy reads: the same YAML without the processing keys and without a
 * permalink that is not a string, so a page that the check rejects cannot change how
 * Eleventy treats it either, even under the dev server (which keeps serving on errors).
 */
export const eleventyEngines = {
  ...checkEngines,
  yaml: {
    parse(text: string): Record<string, unknown> {
      const data = parseYamlData(text);
      for (const key of PROCESSING_KEYS) delete data[key];
      if ("permalink" in data && typeof data.permalink !== "string") delete data.permalink;
      return data;
    },
  },
};
