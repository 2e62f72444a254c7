/** The production build the browser suite tests, and the list of pages it wrote. */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";

const run = promisify(execFile);

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The site URL the browser builds publish under, as CI passes the Pages URL (`.test` is reserved for tests). */
export const BROWSER_SITE_URL = "https://guide.test";

/**
 * Builds the site exactly as `npm run build` does (the Eleventy CLI through tsx, so every
 * build step hooked into Eleventy runs), but into a fresh temporary folder. `pathPrefix`
 * is Eleventy's `--pathprefix` (the base path).
 */
export async function buildSite(options: { pathPrefix?: string } = {}): Promise<string> {
  const output = mkdtempSync(join(tmpdir(), "browser-site-"));
  const tsx = join(projectRoot, "node_modules/tsx/dist/cli.mjs");
  const eleventy = join(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs");
  const prefix = options.pathPrefix ? [`--pathprefix=${options.pathPrefix}`] : [];
  try {
    await run(process.execPath, [tsx, eleventy, "--config=eleventy.config.ts", `--output=${output}`, "--quiet", ...prefix], {
      cwd: projectRoot,
      maxBuffer: 16 * 1024 * 1024,
      // site.json holds a placeholder URL, which a production build refuses without SITE_URL.
      env: { ...process.env, SITE_URL: BROWSER_SITE_URL },
    });
  } catch (error) {
    rmSync(output, { recursive: true, force: true });
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`The production build failed, so the browser tests cannot run:\n${stderr || stdout}`);
  }
  return output;
}

/** Every built page as a URL path (`/ja/…/`, `/404.html`), sorted. */
export function listPages(outputDir: string): string[] {
  const files = readdirSync(outputDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
  return files
    .map((file) => `/${file.split(sep).join("/")}`)
    .map((path) => (path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path))
    .sort();
}
