/**
 * The whole site, each page parsed once by the site's own markdown-it: every content page
 * with its place, front matter, URL, anchor ids and Markdown facts, plus the nav files.
 * Rules are pure functions over this model. With a {@link PageCache}, a page whose bytes
 * did not change since the last check is not parsed again.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics.ts";
import { keyLine } from "../content/front-matter.ts";
import { yamlErrorMessage } from "../content/front-matter-engines.ts";
import { expandPermalink, pageVariables } from "../content/page-variables.ts";
import { placeOf, urlOf, type ContentPlace } from "../content/page-identity.ts";
import { listProjectFiles, type ProjectEntry } from "../content/project-files.ts";
import { parseSource, type SourceFile } from "../content/source.ts";
import { defaultLang, localeCodes } from "../i18n/locale.ts";
import { emptyFacts, type MarkdownFacts } from "../markdown/facts.ts";
import type { BodyRenderer, RenderedBody } from "../markdown/render-body.ts";
import { readNavSources } from "../nav/nav-files.ts";
import { parseNav, type ParsedNav } from "../nav/nav-schema.ts";
import { dependencyStamp, type PageCache } from "./page-cache.ts";
import { publishedUrls } from "./published-urls.ts";
import { projectRelativePath } from "../util/url-path.ts";
import { WorkflowStore } from "../workflow/workflow-store.ts";

/** One Markdown file under the content folder, where it sits (its identity, when it has one) and what parsing found. */
export interface SitePage extends ContentPlace {
  /** Path relative to the project root, forward slashes: how diagnostics name it. */
  file: string;
  bytes: Buffer;
  /** Front matter and body; undefined when the front matter is not valid YAML (rules then skip the page). */
  source?: SourceFile;
  data: Record<string, unknown>;
  /** The permalink with its page variables filled in; undefined when absent or not a string. */
  permalink?: string;
  /** Where the page is published: its permalink, else the URL its place implies. */
  url?: string;
  /** Fragment targets (`#id`) the page will have. */
  ids: ReadonlySet<string>;
  facts: MarkdownFacts;
  /** Problems the site's markdown-it plugins reported while parsing, and YAML errors. */
  parseDiagnostics: Diagnostic[];
  /** The body's render, which the build publishes; undefined when the front matter is not YAML. */
  body?: RenderedBody;
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
  /** Every file under content/ and workflows/, with what the site does with it. */
  files: ProjectEntry[];
}

/** Where the content is, and the site's own body renderer to parse it with. */
export interface SiteModelOptions {
  root: string;
  contentDir: string;
  /** Renders bodies with the site's markdown-it; the build's render takes its results. */
  bodies: BodyRenderer;
  /** The store the markdown instance's workflow blocks use; a fresh one when absent. */
  workflows?: WorkflowStore;
  /** Pages of earlier checks of this site, reused while their files are unchanged; none when absent. */
  cache?: PageCache;
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
  const { root, contentDir, bodies, cache } = options;
  const contentRoot = join(root, contentDir);
  const languages = localeCodes();
  // Nav problems are reported by the nav rule (checkNav), not here.
  const nav = readNav(root, contentDir, languages);
  const paths = listMarkdownFiles(contentRoot);
  const stamp = dependencyStamp(root, contentDir);
  cache?.begin(paths, stamp);
  bodies.begin(stamp);
  const pages = paths.map((path) => {
    const parse = (bytes: Buffer) => readContentPage(root, contentDir, path, bytes, bodies);
    return cache ? cache.page(path, () => readFileSync(path), parse) : parse(readFileSync(path));
  });
  bodies.retain(new Set(pages.map((page) => page.file)));
  const parsedNav = new Map([...nav].flatMap(([lang, source]) => (source.parsed.nav ? [[lang, source.parsed.nav] as const] : [])));
  const byUrl = publishedUrls(pages, languages, parsedNav);
  const workflows = options.workflows ?? new WorkflowStore();
  const files = listProjectFiles(root, contentDir);
  return { root, contentDir, defaultLang: defaultLang(), languages, pages, nav, byUrl, workflows, files };
}

/**
 * One content page (`path` absolute, `bytes` its text) read as {@link buildSiteModel} reads
 * it: its place, front matter, URL and body render. `npm start` reads a saved page with it
 * before the check runs (src/cli/dev-rebuilds.ts), and the check then reuses that render.
 */
export function readContentPage(root: string, contentDir: string, path: string, bytes: Buffer, bodies: BodyRenderer): SitePage {
  const place = placeOf(relative(join(root, contentDir), path), localeCodes());
  return readPage(bytes, projectRelativePath(root, path), place, bodies);
}

function readPage(bytes: Buffer, file: string, place: ContentPlace, bodies: BodyRenderer): SitePage {
  const placeUrl = place.identity && urlOf(place.identity);
  const page: SitePage = {
    ...place,
    file,
    bytes,
    data: {},
    ids: new Set(),
    facts: emptyFacts(),
    parseDiagnostics: [],
  };
  try {
    page.source = parseSource(file, bytes.toString("utf8"));
  } catch (e) {
    const mark = (e as { mark?: { line?: number; column?: number } }).mark;
    const message = yamlErrorMessage((e as Error).message);
    // gray-matter hands js-yaml the text after the opening `---`, whose line 0 is that
    // `---` line's end: js-yaml's 0-based line is the file's 1-based line minus one.
    const line = (mark?.line ?? 0) + 1;
    page.parseDiagnostics.push({ file, line, column: (mark?.column ?? 0) + 1, severity: "error", rule: "front-matter/yaml", message });
    // Still published where its place says, so links to it are not reported as well.
    page.url = placeUrl;
    return page;
  }
  page.data = page.source.data;
  const variables = pageVariables(place, page.data);
  if (typeof page.data.permalink === "string") {
    page.permalink = expandPermalink(page.data.permalink, variables);
    if (page.permalink === undefined) {
      const message = `permalink "${page.data.permalink}" may use only {{ lang }}, {{ section }} and {{ slug }}; permalinks are not templates`;
      page.parseDiagnostics.push({ file, line: keyLine(page.source.frontMatter, ["permalink"]), column: 1, severity: "error", rule: "front-matter/permalink", message });
    }
  }
  // A draft is not published: links to it are reported (links rule), nav and sitemap skip it.
  const unpublished = page.data.permalink === false || page.data.draft === true;
  page.url = unpublished ? undefined : (page.permalink ?? placeUrl);
  page.body = bodies.render({ file, body: page.source.body, bodyLineOffset: page.source.bodyLineOffset, variables });
  page.ids = page.body.ids;
  page.facts = page.body.facts;
  page.parseDiagnostics.push(...page.body.diagnostics);
  return page;
}
