/**
 * The whole site, each page parsed once by the site's own markdown-it: every content page
 * with its place, front matter, URL, anchor ids and Markdown facts, plus the nav files.
 * Rules are pure functions over this model. With a {@link PageCache}, a page whose bytes
 * did not change since the last check is not parsed again.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { parseSource, type SourceFile } from "../content/source.ts";
import { defaultLang, localeCodes } from "../i18n/locale.ts";
import { MEDIA_ROW_START } from "../media/media-row-tag.ts";
import { PARSE_OBSERVER } from "../markdown/parse-observer.ts";
import { isPlainForNunjucks, type RenderedBodies } from "../markdown/rendered-bodies.ts";
import type { MarkdownIt, RenderEnv } from "../markdown/types.ts";
import { readNavSources } from "../nav/nav-files.ts";
import { parseNav, type ParsedNav } from "../nav/nav-schema.ts";
import { anchorIds } from "./anchor-ids.ts";
import { blankTemplateTags, hasTemplateSyntax, interpolate } from "./interpolate.ts";
import { observeFacts, type MarkdownFacts } from "./markdown-facts.ts";
import { dependencyStamp, type PageCache } from "./page-cache.ts";
import { expectedUrl, placeOf, type PagePlace } from "./page-path.ts";
import { publishedUrls } from "./published-urls.ts";
import { WorkflowStore } from "../workflow/workflow-store.ts";

/** One Markdown file under the content folder. */
export interface SitePage extends PagePlace {
  /** Path relative to the project root, forward slashes: how diagnostics name it. */
  file: string;
  bytes: Buffer;
  /** Front matter and body; undefined when the front matter is not valid YAML (rules then skip the page). */
  source?: SourceFile;
  data: Record<string, unknown>;
  /** The permalink with `{{ … }}` filled in; undefined when absent or not knowable. */
  permalink?: string;
  /** Where the page is published: its permalink, else the URL its place implies. */
  url?: string;
  /** Fragment targets (`#id`) the page will have. */
  ids: Set<string>;
  facts: MarkdownFacts;
  /** Problems the site's markdown-it plugins reported while parsing, and YAML errors. */
  parseDiagnostics: Diagnostic[];
}

/** A nav file and what the nav module's parser made of it (src/nav/nav-schema.ts). */
export interface NavSource {
  file: string;
  text: string;
  parsed: ParsedNav;
}

/** Everything the rules look at. */
export interface SiteModel {
  root: string;
  contentDir: string;
  /** The language translations are made from: the first declared locale. */
  defaultLang: string;
  /** Declared locales (src/i18n/locales.ts), default first. */
  languages: string[];
  pages: SitePage[];
  /** Nav files by language. */
  nav: Map<string, NavSource>;
  /** What is published at each URL (pages and nav placeholders; see published-urls.ts). */
  byUrl: Map<string, SitePage>;
  /** The build's workflow cache, shared with the workflow blocks: each file is read once. */
  workflows: WorkflowStore;
}

/** Where the content is, and the site's own markdown-it instance to parse it with. */
export interface SiteModelOptions {
  root: string;
  contentDir: string;
  md: MarkdownIt;
  /** The store the markdown instance's workflow blocks use; a fresh one when absent. */
  workflows?: WorkflowStore;
  /** Pages of earlier checks of this site, reused while their files are unchanged; none when absent. */
  cache?: PageCache;
  /** Where to keep the HTML of the bodies parsed here, for the build's render; none when absent. */
  rendered?: RenderedBodies;
}

/** Every Markdown file under `dir`, sorted, skipping `_`-prefixed folders (data, drafts). */
export function listMarkdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(dir, p).split(sep).some((part) => part.startsWith("_")))
    .sort();
}

/** Nav files of the declared languages, each parsed by the nav module (src/nav/). */
export function readNav(root: string, contentDir: string, languages: readonly string[]): Map<string, NavSource> {
  const nav = new Map<string, NavSource>();
  for (const [lang, source] of readNavSources(root, contentDir, languages)) {
    nav.set(lang, { ...source, parsed: parseNav(source.file, source.text) });
  }
  return nav;
}

/** Reads every content file and parses it once (or takes it from the cache); what parsing finds stays on each page. */
export function buildSiteModel(options: SiteModelOptions): SiteModel {
  const { root, contentDir, md, cache, rendered } = options;
  const contentRoot = join(root, contentDir);
  const languages = localeCodes();
  // Nav problems are reported by the nav rule (checkNav), not here.
  const nav = readNav(root, contentDir, languages);
  const paths = listMarkdownFiles(contentRoot);
  cache?.begin(paths, dependencyStamp(root, contentDir));
  const pages = paths.map((path) => {
    const file = relative(root, path).split(sep).join("/");
    const bytes = readFileSync(path);
    const parse = () => readPage(bytes, file, placeOf(relative(contentRoot, path), languages), md, rendered && { rendered, path });
    return cache ? cache.page(path, bytes, parse) : parse();
  });
  const parsedNav = new Map([...nav].flatMap(([lang, source]) => (source.parsed.nav ? [[lang, source.parsed.nav] as const] : [])));
  const byUrl = publishedUrls(pages, languages, parsedNav);
  const workflows = options.workflows ?? new WorkflowStore();
  return { root, contentDir, defaultLang: defaultLang(), languages, pages, nav, byUrl, workflows };
}

/**
 * What the site parse reads of a body: Nunjucks tags blanked, except the mediaRow tag
 * lines the Markdown block rule reads (at a line's start, after any block markers) and
 * the `{{ … }}` that interpolate could not fill, which links keep unchecked and
 * markdown-it-attrs never reads as attributes.
 */
function parseInput(body: string): string {
  return blankTemplateTags(body, (tag, linePrefix) => tag.startsWith("{{") || (MEDIA_ROW_START.test(tag) && /^[\s>*+\-\d.)]*$/.test(linePrefix)));
}

function readPage(
  bytes: Buffer,
  file: string,
  place: PagePlace,
  md: MarkdownIt,
  keep?: { rendered: RenderedBodies; path: string },
): SitePage {
  const page: SitePage = {
    ...place,
    file,
    bytes,
    data: {},
    ids: new Set(),
    facts: { links: [], images: [], droppedAttributes: [], refusedUrls: [] },
    parseDiagnostics: [],
  };
  try {
    page.source = parseSource(file, bytes.toString("utf8"));
  } catch (e) {
    const mark = (e as { mark?: { line?: number; column?: number } }).mark;
    const message = `front matter is not valid YAML: ${(e as Error).message.split("\n")[0]}`;
    // gray-matter hands js-yaml the text after the opening `---`, whose line 0 is that
    // `---` line's end: js-yaml's 0-based line is the file's 1-based line minus one.
    const line = (mark?.line ?? 0) + 1;
    page.parseDiagnostics.push({ file, line, column: (mark?.column ?? 0) + 1, severity: "error", rule: "front-matter/yaml", message });
    // Still published where its place says, so links to it are not reported as well.
    page.url = expectedUrl(place);
    return page;
  }
  page.data = page.source.data;
  if (typeof page.data.permalink === "string") {
    const permalink = interpolate(page.data.permalink, page.data);
    if (!hasTemplateSyntax(permalink)) page.permalink = permalink;
  }
  page.url = page.data.permalink === false ? undefined : (page.permalink ?? expectedUrl(place));
  const body = interpolate(page.source.body, page.data);
  // One parse: the plugins report into `diagnostics`, the observer gathers the facts.
  const { observer, facts } = observeFacts(body, page.source.bodyLineOffset);
  const env: RenderEnv = {
    ...page.data,
    page: { inputPath: file },
    bodyLineOffset: page.source.bodyLineOffset,
    diagnostics: page.parseDiagnostics,
    [PARSE_OBSERVER]: observer,
  };
  const tokens = md.parse(parseInput(body), env);
  page.ids = anchorIds(tokens);
  page.facts = facts;
  // The build renders this very text next: render it now, from the tokens at hand. A body
  // with Nunjucks tags is rendered by Eleventy from what Nunjucks makes of it instead.
  if (keep && isPlainForNunjucks(page.source.body)) {
    try {
      const html = md.renderer.render(tokens, md.options, { ...env, diagnostics: undefined });
      keep.rendered.keep(keep.path, page.source.body, env, html);
    } catch {
      // Eleventy's own render of the page meets the same problem and reports it there.
    }
  }
  return page;
}
