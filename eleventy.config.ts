/** Eleventy entry point: folders and plugins only; every concern lives in src/. */
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createMarkdown } from "./src/markdown/create-markdown.ts";
import assetsPlugin from "./src/eleventy/assets.ts";
import draftsPlugin from "./src/eleventy/drafts.ts";
import markdownPlugin from "./src/eleventy/markdown.ts";
import devServerPlugin from "./src/eleventy/dev-server.ts";
import globalDataPlugin from "./src/eleventy/global-data.ts";
import i18nPlugin from "./src/eleventy/i18n.ts";
import navPlugin from "./src/eleventy/nav.ts";
import pageContextPlugin from "./src/eleventy/page-context.ts";
import publishingPlugin from "./src/eleventy/publishing.ts";
import projectFilesPlugin, { TEMPLATE_FORMATS } from "./src/eleventy/project-files.ts";
import sitePagesPlugin from "./src/eleventy/site-pages.ts";
import searchIndexPlugin, { afterPagefindStarts } from "./src/eleventy/search-index.ts";
import siteIdentityPlugin from "./src/eleventy/site-identity.ts";
import validationPlugin from "./src/eleventy/validation.ts";
import workflowsPlugin from "./src/eleventy/workflows.ts";
import contentDataPlugin from "./src/eleventy/content-data.ts";
import { BodyRenderer } from "./src/markdown/render-body.ts";
import type { ValidationState } from "./src/eleventy/validation.ts";
import type { SiteModel } from "./src/check/site-model.ts";
import { SiteDiagnostics } from "./src/eleventy/site-diagnostics.ts";
import { WorkflowStore } from "./src/workflow/workflow-store.ts";
import { DiskCache, projectCacheDir } from "./src/util/disk-cache.ts";
import type { BuildEvent, EleventyConfig } from "./src/eleventy/types.ts";

/** Where a site's files are; tests point these at fixture trees. */
export interface SiteOptions {
  /** Project root: holds content/, workflows/ and _includes/. */
  root: string;
  contentDir?: string;
  /** The public URL replacing site.json's `url` (`SITE_URL`); a production build refuses the placeholder. */
  siteUrl?: string;
  /**
   * Keep page renders and workflow results on disk here between runs (src/util/disk-cache.ts),
   * so the next build redoes only what changed; the CLIs use the project's `.cache/`. None when absent.
   */
  cacheDir?: string;
}

const projectRoot = fileURLToPath(new URL(".", import.meta.url));

/** What one configured site shares between its plugins; tests read the counts. */
export interface SiteParts {
  workflows: WorkflowStore;
  bodies: BodyRenderer;
  /** What the latest build found (content check and Eleventy's own errors); the CLIs print it. */
  diagnostics: SiteDiagnostics;
  /** The site as the latest validation read it (`npm start` compares it between rebuilds). */
  model: () => SiteModel | undefined;
  /** Called right after each build's check, before the rest of its eleventy.before work. */
  afterCheck: Array<() => void>;
}

/** Adds every plugin of the site; the default export applies it to this project. */
export function configureSite(eleventyConfig: EleventyConfig, options: SiteOptions): SiteParts {
  const { root, contentDir = "content", siteUrl, cacheDir } = options;
  const input = join(root, contentDir);
  // One store per configuration: the blocks and the preview writer read each workflow once.
  const disk = <T>(namespace: string) => (cacheDir === undefined ? undefined : new DiskCache<T>(cacheDir, namespace, root, { deferWrites: true }));
  const workflows = new WorkflowStore(disk("workflows"));
  // One render path for page bodies: the check renders each page, the build serves that render.
  // The Markdown instance is made at the first render that misses the caches.
  const bodies = new BodyRenderer(() => createMarkdown({ root, workflows }), disk("bodies"));
  eleventyConfig.on("eleventy.after", async ({ runMode }: BuildEvent) => {
    // After the search index's listener has started Pagefind, a process of its own (src/eleventy/search-index.ts).
    await afterPagefindStarts();
    // A whole production build used every result it still needs: the rest is of pages and files since changed or gone.
    if (runMode === "build") {
      bodies.pruneDisk();
      workflows.pruneDisk();
    }
    // What this build computed is written now, between turns of the event loop, while Pagefind works.
    await bodies.flushDisk();
    await workflows.flushDisk();
  });
  const validation: ValidationState = { afterCheck: [] };
  const diagnostics = new SiteDiagnostics(root);

  eleventyConfig.addPlugin(globalDataPlugin);
  // Content is data: YAML-only front matter, permalinks and bodies that are not templates.
  eleventyConfig.addPlugin(contentDataPlugin, { root, contentDir });
  eleventyConfig.addPlugin(markdownPlugin, { bodies, root, contentDir, model: () => validation.model });
  eleventyConfig.addPlugin(validationPlugin, { root, contentDir, bodies, workflows, state: validation, diagnostics });
  // Drafts are checked (above) but never built.
  eleventyConfig.addPlugin(draftsPlugin);
  // Languages, navigation and the generated site pages (root chooser, 404s, placeholders, sitemap).
  eleventyConfig.addPlugin(i18nPlugin);
  eleventyConfig.addPlugin(navPlugin, { root, contentDir });
  // What each layout shows, prepared once per page (src/site/page-context.ts).
  eleventyConfig.addPlugin(pageContextPlugin, { root, contentDir, siteUrl, bodies });
  eleventyConfig.addPlugin(sitePagesPlugin, { root, contentDir, projectRoot, siteUrl });
  eleventyConfig.addPlugin(siteIdentityPlugin, { root, contentDir });
  // Base path, site URL check, headers file, feeds, manifest, last updated, edit/report links.
  eleventyConfig.addPlugin(publishingPlugin, { root, contentDir, siteUrl });
  eleventyConfig.addPlugin(workflowsPlugin, { root, workflows });
  // Scripts and styles always come from this project; the search index is built from the output.
  eleventyConfig.addPlugin(assetsPlugin, { projectRoot, cacheDir });
  eleventyConfig.addPlugin(searchIndexPlugin, { cacheDir, root });
  // `npm start` listens on 127.0.0.1 (DEV_SERVER_HOST=0.0.0.0 exposes it) and refuses `..` paths.
  eleventyConfig.addPlugin(devServerPlugin);

  // Only Markdown pages are templates; content images and workflow JSON are published.
  eleventyConfig.setTemplateFormats(TEMPLATE_FORMATS);
  eleventyConfig.addPlugin(projectFilesPlugin, { root, contentDir });

  // Eleventy resolves the input folder against the working directory and the includes
  // folder against the input folder. Layouts always come from this project.
  eleventyConfig.setInputDirectory(relative(process.cwd(), input) || ".");
  eleventyConfig.setIncludesDirectory(relative(input, join(projectRoot, "_includes")));
  eleventyConfig.setDataDirectory("_data");
  eleventyConfig.setOutputDirectory("_site");
  return { workflows, bodies, diagnostics, model: () => validation.model, afterCheck: validation.afterCheck! };
}

/**
 * Settings Eleventy takes only from a config file's return value (it has no setter for
 * them); the test helper hands them to Eleventy's programmatic API itself.
 */
export const templateEngines = { markdownTemplateEngine: false, htmlTemplateEngine: "njk" } as const;

export default function (eleventyConfig: EleventyConfig) {
  configureSite(eleventyConfig, { root: projectRoot, siteUrl: process.env.SITE_URL || undefined, cacheDir: projectCacheDir(projectRoot) });
  return templateEngines;
}
