import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fetchGyazoEntry } from "../../src/media/gyazo-oembed.ts";
import { scanContentForGyazoIds, syncMedia } from "../../src/media/media-sync.ts";
import { projectRoot } from "../helpers/eleventy.ts";

const IMAGE = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
const VIDEO = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2";
const SLOW = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3";
const FLAKY = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa4";
const GONE = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5";
const KNOWN = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa6";

/** A local stand-in for Gyazo's oEmbed endpoint, recording what it was asked. */
let server: Server;
let endpoint: string;
const requests: string[] = [];
let inFlight = 0;
let maxInFlight = 0;
const flakyCalls = { count: 0 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://localhost");
    const page = url.searchParams.get("url") ?? "";
    const id = page.replace("https://gyazo.com/", "");
    requests.push(`${url.pathname} ${page}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const reply = (status: number, body: unknown, delay = 30) =>
      setTimeout(() => {
        inFlight--;
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      }, delay);
    if (id === IMAGE) return reply(200, { version: "1.0", type: "photo", url: `https://i.gyazo.com/${IMAGE}.jpg`, width: 1920, height: 1080 });
    if (id === VIDEO) return reply(200, { version: "1.0", type: "video", html: "<video></video>", width: 1280, height: 720 });
    if (id === SLOW) return reply(200, { type: "photo", width: 1, height: 1 }, 2000);
    if (id === FLAKY) return ++flakyCalls.count === 1 ? reply(500, { error: "boom" }) : reply(200, { type: "photo", url: `https://i.gyazo.com/${FLAKY}.png`, width: 800, height: 600 });
    return reply(404, { error: "not found" });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/oembed`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function site(): string {
  const root = mkdtempSync(join(tmpdir(), "media-sync-"));
  mkdirSync(join(root, "content/ja/s"), { recursive: true });
  mkdirSync(join(root, "content/_data"), { recursive: true });
  writeFileSync(
    join(root, "content/ja/s/a.md"),
    [
      `![](https://gyazo.com/${IMAGE}){gyazo=image}`,
      `![](https://i.gyazo.com/${VIDEO}.mp4){gyazo=loop}`,
      `{% mediaRow img="https://gyazo.com/${SLOW} {gyazo=image}" %}`,
      `![](https://gyazo.com/${FLAKY}/max_size/1000)`,
      `![](https://gyazo.com/${KNOWN})`,
    ].join("\n"),
  );
  writeFileSync(join(root, "content/ja/s/b.md"), `![](https://gyazo.com/${GONE})\n![](https://gyazo.com/${IMAGE})\n`);
  writeFileSync(join(root, "content/_data/media.json"), JSON.stringify({ [KNOWN]: { width: 5, height: 4, type: "image", ext: "gif" } }));
  return root;
}

test("scanContentForGyazoIds maps each id to the files using it", () => {
  const uses = scanContentForGyazoIds(site());
  expect([...uses.keys()].sort()).toEqual([IMAGE, VIDEO, SLOW, FLAKY, KNOWN, GONE].sort());
  expect(uses.get(IMAGE)).toEqual(["content/ja/s/a.md", "content/ja/s/b.md"]);
});

describe("syncMedia against a local stand-in for Gyazo", () => {
  test("fetches missing sizes with bounded concurrency, retries, timeouts, and reports failures", async () => {
    const root = site();
    requests.length = 0;
    maxInFlight = 0;
    flakyCalls.count = 0;
    const report = await syncMedia({ root, endpoint, concurrency: 2, timeoutMs: 300, retries: 1, retryDelayMs: 10 });

    expect(report.found).toBe(6);
    expect(report.fetched).toEqual([
      { id: IMAGE, entry: { width: 1920, height: 1080, type: "image", ext: "jpg" } },
      { id: VIDEO, entry: { width: 1280, height: 720, type: "video" } },
      { id: FLAKY, entry: { width: 800, height: 600, type: "image", ext: "png" } },
    ]);
    expect(report.failed).toEqual([
      { id: SLOW, reason: "timed out after 300 ms (after 2 attempts)", files: ["content/ja/s/a.md"] },
      { id: GONE, reason: "HTTP 404", files: ["content/ja/s/b.md"] },
    ]);
    // The known id is never asked for; the flaky one twice (500, then 200); 404 is not retried.
    expect(requests.filter((r) => r.endsWith(KNOWN))).toEqual([]);
    expect(requests.filter((r) => r.endsWith(FLAKY))).toHaveLength(2);
    expect(requests.filter((r) => r.endsWith(GONE))).toHaveLength(1);
    expect(requests[0]).toMatch(/^\/api\/oembed https:\/\/gyazo\.com\/[0-9a-f]{32}$/);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBe(2);

    const written = JSON.parse(readFileSync(join(root, "content/_data/media.json"), "utf8"));
    expect(Object.keys(written)).toEqual([IMAGE, VIDEO, FLAKY, KNOWN].sort());
    expect(written[KNOWN]).toEqual({ width: 5, height: 4, type: "image", ext: "gif" });
    expect(readdirSync(join(root, "content/_data"))).toEqual(["media.json"]);
  });

  test("leaves the file untouched when nothing was fetched", async () => {
    const root = mkdtempSync(join(tmpdir(), "media-sync-"));
    mkdirSync(join(root, "content/_data"), { recursive: true });
    writeFileSync(join(root, "content/x.md"), `![](https://gyazo.com/${GONE})`);
    writeFileSync(join(root, "content/_data/media.json"), "{ }");
    const report = await syncMedia({ root, endpoint, concurrency: 4, timeoutMs: 1000, retries: 0, retryDelayMs: 0 });
    expect(report.failed.map((f) => f.id)).toEqual([GONE]);
    expect(readFileSync(join(root, "content/_data/media.json"), "utf8")).toBe("{ }");
  });
});

/** Runs a command without blocking this process, whose event loop serves the stand-in. */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

test("npm run media:sync (the CLI) prints what it fetched and failed and exits 1 on failures", async () => {
  const root = site();
  flakyCalls.count = 0;
  const cli = await run([
    join(projectRoot, "node_modules/tsx/dist/cli.mjs"),
    join(projectRoot, "src/cli/media-sync.ts"),
    ...["--root", root, "--endpoint", endpoint, "--timeout", "300", "--retries", "0"],
  ]);
  expect(cli.stdout).toContain("media:sync: 6 Gyazo id(s) in the content, 5 without a recorded size");
  expect(cli.stdout).toContain(`fetched ${IMAGE}: 1920x1080 image jpg`);
  expect(cli.stdout).toContain("media:sync: wrote 2 new size(s) to content/_data/media.json");
  expect(cli.stderr).toContain(`failed  ${GONE}: HTTP 404 (used in content/ja/s/b.md)`);
  expect(cli.stderr).toContain(`failed  ${SLOW}: timed out after 300 ms`);
  // --retries 0: the first 500 is final.
  expect(cli.stderr).toContain(`failed  ${FLAKY}: HTTP 500`);
  expect(cli.status).toBe(1);
  expect(JSON.parse(readFileSync(join(root, "content/_data/media.json"), "utf8"))[VIDEO]).toEqual({ width: 1280, height: 720, type: "video" });
});

test("the CLI refuses bad options", async () => {
  const cli = await run([join(projectRoot, "node_modules/tsx/dist/cli.mjs"), join(projectRoot, "src/cli/media-sync.ts"), "--concurrency", "0"]);
  expect(cli.stderr).toContain('--concurrency must be a whole number of at least 1, got "0"');
  expect(cli.status).toBe(2);
});

test("a refused connection is retried, then reported with its cause", async () => {
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((done) => closed.close(done));
  const attempt = fetchGyazoEntry(IMAGE, { endpoint: `http://127.0.0.1:${port}/api/oembed`, timeoutMs: 1000, retries: 1, retryDelayMs: 1 });
  await expect(attempt).rejects.toThrow("network error (ECONNREFUSED) (after 2 attempts)");
});

describe("answers that are not sizes are failures, never written", () => {
  /** A stand-in that answers each id with one hostile body. */
  let hostile: Server;
  let hostileEndpoint: string;
  const bodies: Record<string, unknown> = {
    b1: { type: "photo", width: true, height: [7] },
    b2: { type: "photo", width: 9007199254740991, height: 10 },
    b3: { type: "photo", width: "1920", height: "1080" },
    b4: { type: "photo", width: 1.5, height: 10 },
    b5: { type: "video", width: -4, height: 0 },
    b6: { type: "photo", height: 10 },
    ok: { type: "photo", width: 100_000, height: 1 },
  };
  const ids = Object.fromEntries(Object.keys(bodies).map((key, i) => [key, `${"c".repeat(31)}${i}`]));
  const endless = "d".repeat(32);

  beforeAll(async () => {
    hostile = createServer((req, res) => {
      const asked = new URL(req.url!, "http://localhost").searchParams.get("url")!.replace("https://gyazo.com/", "");
      if (asked === endless) {
        // An endless body: without a cap it fills memory until the timeout.
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"type":"photo","width":1,"height":1,"pad":"');
        const timer = setInterval(() => res.write(" ".repeat(16_384)), 1);
        res.on("close", () => clearInterval(timer));
        return;
      }
      const key = Object.keys(ids).find((k) => ids[k] === asked)!;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(bodies[key]));
    });
    await new Promise<void>((done) => hostile.listen(0, "127.0.0.1", done));
    hostileEndpoint = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/api/oembed`;
  });

  afterAll(() => {
    hostile.closeAllConnections();
    hostile.close();
  });

  const options = () => ({ endpoint: hostileEndpoint, timeoutMs: 20_000, retries: 2, retryDelayMs: 1 });

  test.each(["b1", "b2", "b3", "b4", "b5", "b6"])("%s: not a whole number of pixels in range", async (key) => {
    await expect(fetchGyazoEntry(ids[key]!, options())).rejects.toThrow(/^unexpected oEmbed response \((width|height)/);
  });

  test("the largest plausible side is accepted", async () => {
    await expect(fetchGyazoEntry(ids.ok!, options())).resolves.toEqual({ width: 100_000, height: 1, type: "image" });
  });

  test("an endless body is cut off at 64 KB, long before the timeout, and not retried", async () => {
    await expect(fetchGyazoEntry(endless, options())).rejects.toThrow(/^response larger than 64 KB$/);
  });

  test("syncMedia reports them all as failures and writes nothing", async () => {
    const root = mkdtempSync(join(tmpdir(), "media-sync-"));
    mkdirSync(join(root, "content/_data"), { recursive: true });
    const bad = ["b1", "b2", "b3", "b4", "b5", "b6"].map((k) => ids[k]!);
    writeFileSync(join(root, "content/x.md"), [...bad, endless].map((i) => `![](https://gyazo.com/${i})`).join("\n"));
    writeFileSync(join(root, "content/_data/media.json"), "{}");
    const report = await syncMedia({ root, ...options(), concurrency: 4 });
    expect(report.fetched).toEqual([]);
    expect(report.failed.map((f) => f.id).sort()).toEqual([...bad, endless].sort());
    expect(readFileSync(join(root, "content/_data/media.json"), "utf8")).toBe("{}");
  });
});
