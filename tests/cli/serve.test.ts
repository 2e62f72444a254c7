/**
 * `npm start` as an author uses it: break a page, a nav file, front matter and a layout,
 * read what the served HTML says, fix it and see the notice go; the terminal names each
 * error once; stopping the server (Ctrl-C, or SIGTERM to npm) leaves no process behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { projectRoot } from "../helpers/eleventy.ts";
import { processesInGroup } from "../helpers/process-group.ts";

const clean = fileURLToPath(new URL("../check/corpus-clean/", import.meta.url));
const tsx = join(projectRoot, "node_modules/tsx/dist/loader.mjs");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A dev server on a copy of the clean corpus site, with its terminal output collected. */
async function startServer(command: string, args: string[], prepare: (root: string) => void = () => {}, ready = /\[dev\] \d+ pages written/) {
  const root = mkdtempSync(join(tmpdir(), "serve-cli-"));
  cpSync(clean, root, { recursive: true });
  prepare(root);
  const port = await freePort();
  const child = spawn(command, [...args, "--root", root, "--port", String(port)], { cwd: projectRoot, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output = { text: "" };
  child.stdout!.on("data", (chunk) => (output.text += chunk));
  child.stderr!.on("data", (chunk) => (output.text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  await until(async () => ready.test(output.text), () => output.text);
  return { root, port, child, output, exited };
}

async function until(ready: () => Promise<boolean>, explain: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Saves `text` to `path` as one step (a temporary file renamed over it), so no build reads
 * the file half-written: a torn read is a finding of its own and would show up in what the
 * tests count.
 */
function save(path: string, text: string): void {
  // Written outside the site (the same file system, /tmp), so the watcher sees one change.
  const temporary = join(mkdtempSync(join(tmpdir(), "serve-save-")), "file");
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * Saves `text` now and again every 3 s until the returned timer is cleared: chokidar can
 * report "ready" before its scan reaches deeper folders, and an edit made before that is
 * never seen.
 */
function keepSaving(path: string, text: string): ReturnType<typeof setInterval> {
  save(path, text);
  return setInterval(() => save(path, text), 3000);
}

async function groupEmpties(child: ChildProcess): Promise<string[]> {
  const deadline = Date.now() + 5000;
  while (processesInGroup(child.pid!).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return processesInGroup(child.pid!);
}

describe("src/cli/serve.ts", async () => {
  // A page an earlier session wrote, whose source is gone since.
  const staleDevPage = (root: string) => {
    mkdirSync(join(root, "_site.dev/en/guides/gone"), { recursive: true });
    writeFileSync(join(root, "_site.dev/en/guides/gone/index.html"), "<p>an old session's page</p>");
  };
  const server = await startServer(process.execPath, ["--import", tsx, "src/cli/serve.ts"], staleDevPage);
  const { root, port } = server;
  const html = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).text();
  /** Breaks `file`, waits for `broken` in the served page, restores it, waits for `fixed` (saving as {@link keepSaving} does). */
  async function breakAndFix(file: string, change: (text: string) => string, page: string, broken: RegExp, fixed: (html: string) => boolean) {
    const path = join(root, file);
    const original = readFileSync(path, "utf8");
    const saving = (text: string) => keepSaving(path, text);
    let last = "";
    const explain = () => `${server.output.text}\n--- ${page}:\n${last.slice(last.indexOf("<body"), last.indexOf("<header"))}`;
    let timer = saving(change(original));
    try {
      await until(async () => broken.test((last = await html(page))), explain);
      clearInterval(timer);
      timer = saving(original);
      await until(async () => fixed((last = await html(page))), explain);
    } finally {
      clearInterval(timer);
      save(path, original);
    }
  }
  const noOverlay = (h: string) => !h.includes("dev-build-error");
  afterAll(() => {
    try {
      process.kill(-server.child.pid!, "SIGKILL");
    } catch {
      // Already stopped by the last test.
    }
  });

  test("serves _site.dev/, never the production _site/, and nothing an earlier session left there", async () => {
    expect(existsSync(join(root, "_site.dev/en/guides/first/index.html"))).toBe(true);
    expect(existsSync(join(root, "_site"))).toBe(false);
    expect((await fetch(`http://127.0.0.1:${port}/en/guides/gone/`)).status).toBe(404);
  });

  test("prints one summary line per build, not a line per written file", () => {
    expect(server.output.text).toMatch(/^\[dev\] \d+ pages written in \d+\.\d\d s · 0 errors, 0 warnings$/m);
    expect(server.output.text).not.toMatch(/Writing |Wrote \d+ files/);
  });

  test("a broken link shows in the page's banner at its place, and goes when fixed", async () => {
    await breakAndFix(
      "content/en/guides/second.md",
      (text) => `${text}\nSee [nothing](/en/guides/nope/).\n`,
      "/en/guides/second/",
      // A broken link leaves no marker on the page: the finding links to the page, not to a fragment it lacks.
      /class="dev-diagnostics"[\s\S]*<h2>On this page<\/h2><ul><li class="dev-diagnostics__error"><strong>error<\/strong> <a href="\/en\/guides\/second\/">content\/en\/guides\/second\.md:\d+:\d+<\/a>: link to \/en\/guides\/nope\//,
      (h) => !h.includes('class="dev-diagnostics"'),
    );
  });

  test("a nav file that is not JSON: an overlay names its line on every page, until fixed", async () => {
    await breakAndFix(
      "content/_data/nav/en.json",
      (text) => text.replace('{ "id": "first" },', '{ "id": "first" },,'),
      "/en/guides/first/",
      /class="dev-build-error"[\s\S]*<code>content\/_data\/nav\/en\.json:7:\d+<\/code>: nav file is not valid JSON/,
      noOverlay,
    );
  });

  test("front matter that is not YAML: the overlay names the file's own line, the terminal says it once", async () => {
    const before = server.output.text.length;
    await breakAndFix(
      "content/en/guides/second.md",
      (text) => text.replace(/^title: .*$/m, "title: [oops"),
      "/ja/guides/first/",
      /class="dev-build-error"[\s\S]*<code>content\/en\/guides\/second\.md:6:1<\/code>: front matter is not valid YAML/,
      noOverlay,
    );
    const printed = server.output.text.slice(before);
    expect(printed.match(/^content\/en\/guides\/second\.md:6:1: error: front matter is not valid YAML.*\(front-matter\/yaml\)$/gm)).toHaveLength(1);
    expect(printed).toMatch(/^\[dev\] build failed after .* · 1 error, 0 warnings$/m);
    expect(printed).not.toMatch(/stack|    at /);
  });

  test("a layout that does not exist (Eleventy stops the build): the overlay, at the layout line", async () => {
    await breakAndFix(
      "content/en/guides/second.md",
      (text) => text.replace(/^layout: .*$/m, "layout: nope.njk"),
      "/en/guides/first/",
      /class="dev-build-error"[\s\S]*<code>content\/en\/guides\/second\.md:2:1<\/code>: layout &quot;nope\.njk&quot; does not exist/,
      noOverlay,
    );
  });

  test("a changed title shows in the other pages' nav, prev/next and section index, and a body edit on its page", async () => {
    // A save of one page is first rebuilt alone (src/cli/dev-rebuilds.ts); the title must still reach every page.
    const path = join(root, "content/en/guides/first.md");
    const original = readFileSync(path, "utf8");
    const saving = (text: string) => keepSaving(path, text);
    const renamed = original.replace(/^title: .*$/m, 'title: "Renamed first page"').concat("\nA paragraph added while serving.\n");
    let timer = saving(renamed);
    try {
      await until(async () => (await html("/en/guides/first/")).includes("A paragraph added while serving."), () => server.output.text);
      await until(async () => (await html("/en/guides/second/")).includes("Renamed first page"), () => server.output.text);
      const second = await html("/en/guides/second/");
      expect(second.match(/Renamed first page/g)!.length).toBeGreaterThanOrEqual(2); // the nav and the previous-page link
      expect(await html("/en/guides/")).toContain("Renamed first page");
      expect(await html("/en/about/")).toContain("Renamed first page");
      clearInterval(timer);
      timer = saving(original);
      await until(async () => !(await html("/en/about/")).includes("Renamed first page"), () => server.output.text);
    } finally {
      clearInterval(timer);
      save(path, original);
    }
  });

  test("a save that changes only the article is shown before the rebuild, which then writes the same bytes", async () => {
    const path = join(root, "content/en/guides/second.md");
    const original = readFileSync(path, "utf8");
    const timer = keepSaving(path, `${original}\nA closing paragraph, shown at once.\n`);
    try {
      await until(async () => (await html("/en/guides/second/")).includes("A closing paragraph, shown at once."), () => server.output.text);
      // The summary line of that rebuild says when the page was shown, before the rebuild's end.
      await until(async () => /the saved page shown after \d+\.\d\d s/.test(server.output.text), () => server.output.text);
    } finally {
      clearInterval(timer);
      save(path, original);
    }
    await until(async () => !(await html("/en/guides/second/")).includes("A closing paragraph"), () => server.output.text);
    // Eleventy rewrote each patched page with exactly the patch's bytes (dev-rebuilds.ts warns otherwise).
    expect(server.output.text).not.toContain("the quick update differed");
  });

  test("a body edit with a new finding reaches the other pages' banners too", async () => {
    // Rebuilt as that page alone first; the finding changes what every page's banner lists, so the site follows.
    await breakAndFix(
      "content/en/guides/first.md",
      (text) => `${text}\nSee [nothing](/en/guides/nowhere/).\n`,
      "/en/guides/second/",
      /class="dev-diagnostics"[\s\S]*content\/en\/guides\/first\.md:\d+:\d+/,
      (h) => !h.includes('class="dev-diagnostics"'),
    );
  });

  test("a deleted workflow is rebuilt like a change: its preview and copy are gone, the pages that link it say so", async () => {
    const path = join(root, "workflows/guides/first/flow.json");
    const workflow = readFileSync(path, "utf8");
    const status = async (url: string) => (await fetch(`http://127.0.0.1:${port}${url}`)).status;
    expect(await status("/workflow-previews/guides/first/flow.svg")).toBe(200);
    rmSync(path);
    try {
      await until(async () => (await status("/workflow-previews/guides/first/flow.svg")) === 404, () => server.output.text);
      expect(await status("/workflows/guides/first/flow.json")).toBe(404);
      await until(async () => /class="dev-diagnostics"[\s\S]*workflow\/missing-file|workflows\/guides\/first\/flow\.json: file not found/.test(await html("/en/guides/first/")), () => server.output.text);
      // The failed block left a marker, and the banner's link to the finding lands on it.
      const page = await html("/en/guides/first/");
      const fragments = [...page.matchAll(/href="\/en\/guides\/first\/#(dev-diagnostic-\d+)"/g)].map((m) => m[1]!);
      expect(fragments.length).toBeGreaterThan(0);
      for (const id of fragments) expect(page).toContain(`id="${id}"`);
    } finally {
      save(path, workflow);
    }
    await until(async () => (await status("/workflow-previews/guides/first/flow.svg")) === 200 && !(await html("/en/guides/first/")).includes('class="dev-diagnostics"'), () => server.output.text);
  });

  test("SIGTERM stops the server and every helper process", async () => {
    process.kill(server.child.pid!, "SIGTERM");
    await server.exited;
    expect(await groupEmpties(server.child)).toEqual([]);
  });
});

test("npm start: SIGTERM to the npm process stops every child process", async () => {
  const server = await startServer("npm", ["start", "--"]);
  process.kill(server.child.pid!, "SIGTERM");
  await server.exited;
  expect(await groupEmpties(server.child)).toEqual([]);
});

test("a site broken at start-up is served with the overlay, and picked up once fixed", async () => {
  const page = "content/en/guides/second.md";
  let original = "";
  const server = await startServer(process.execPath, ["--import", tsx, "src/cli/serve.ts"], (root) => {
    original = readFileSync(join(root, page), "utf8");
    writeFileSync(join(root, page), original.replace(/^layout: .*$/m, "layout: nope.njk"));
  }, /\[dev\] build failed/);
  try {
    // Once: the check's finding; Eleventy's own error at the same place is not repeated.
    expect(server.output.text.match(/^content\/en\/guides\/second\.md:2:1: error: layout "nope\.njk" does not exist in _includes\/.*\(front-matter\/layout\)$/gm)).toHaveLength(1);
    expect(server.output.text).not.toContain("build/layout");
    const served = async () => (await fetch(`http://127.0.0.1:${server.port}/en/guides/first/`)).text();
    expect(await served()).toContain('<code>content/en/guides/second.md:2:1</code>');
    save(join(server.root, page), original);
    await until(async () => /\[dev\] \d+ pages written/.test(server.output.text), () => server.output.text);
    const html = await served();
    expect(html).not.toContain("dev-build-error");
    expect(html).toContain("<title>");
  } finally {
    process.kill(server.child.pid!, "SIGTERM");
    await server.exited;
  }
  expect(await groupEmpties(server.child)).toEqual([]);
});
