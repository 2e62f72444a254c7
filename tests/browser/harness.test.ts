/** The browser suite's own machinery: static server, media fixtures, finding Chromium. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { imageSize } from "image-size";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MissingBrowserError, findChromium } from "./chromium.ts";
import { collectMediaSizes, encodePng, mediaFixture } from "./media-fixtures.ts";
import { serveStatic, type StaticServer } from "./server.ts";

function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    request({ hostname, port, path }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

describe("the static server", () => {
  let server: StaticServer;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "static-"));
    mkdirSync(join(root, "ja/page"), { recursive: true });
    writeFileSync(join(root, "ja/page/index.html"), "<p>page</p>");
    writeFileSync(join(root, "404.html"), "<p>missing</p>");
    writeFileSync(join(root, "index.wasm"), "wasm");
    writeFileSync(join(root, "a.pf_meta"), "meta");
    writeFileSync(join(root, "wf.json"), "{}");
    writeFileSync(join(tmpdir(), "outside-secret.txt"), "secret");
    server = await serveStatic(root);
  });
  afterAll(() => server.close());
  const get = (path: string) => fetch(server.origin + path, { redirect: "manual" });

  test("listens on loopback", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("serves a folder's index.html, and redirects the folder without its slash", async () => {
    const page = await get("/ja/page/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toBe("<p>page</p>");
    const bare = await get("/ja/page");
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/ja/page/");
  });

  test.each([
    ["/index.wasm", "application/wasm"],
    ["/a.pf_meta", "application/octet-stream"],
    ["/wf.json", "application/json; charset=utf-8"],
  ])("serves %s as %s", async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
  });

  test("answers a miss with the site's 404.html and status 404", async () => {
    const response = await get("/nope/");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("<p>missing</p>");
  });

  test("never serves a file outside the folder", async () => {
    // Raw request paths: fetch() would normalise the dots away before they reach the server.
    for (const path of ["/../outside-secret.txt", "/%2e%2e/outside-secret.txt", "/..%2foutside-secret.txt"]) {
      const response = await rawGet(server.origin, path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain("secret");
    }
  });
});

describe("media fixtures", () => {
  test("collect each external media URL's declared size from the HTML", () => {
    const html =
      '<img src="https://i.gyazo.com/a/max_size/1000.png" srcset="https://i.gyazo.com/a/max_size/2000.png 2x" width="800" height="450" data-full-src="https://i.gyazo.com/a.png">' +
      '<video src="https://i.gyazo.com/b.mp4" poster="https://i.gyazo.com/b.jpg" width="640" height="480"></video><img src="/local.png" width="1" height="1">';
    expect(collectMediaSizes(html)).toEqual({
      "https://i.gyazo.com/a/max_size/1000.png": { width: 800, height: 450 },
      "https://i.gyazo.com/a/max_size/2000.png": { width: 800, height: 450 },
      "https://i.gyazo.com/a.png": { width: 800, height: 450 },
      "https://i.gyazo.com/b.mp4": { width: 640, height: 480 },
      "https://i.gyazo.com/b.jpg": { width: 640, height: 480 },
    });
  });

  test("answer an image URL with a valid PNG of its declared size, and a video URL with the MP4 clip", () => {
    const sizes = { "https://i.gyazo.com/a.jpg": { width: 123, height: 45 } };
    const image = mediaFixture("https://i.gyazo.com/a.jpg", sizes);
    expect(image.contentType).toBe("image/png");
    expect(imageSize(image.body)).toMatchObject({ type: "png", width: 123, height: 45 });
    const video = mediaFixture("https://i.gyazo.com/b.mp4", sizes);
    expect(video.contentType).toBe("video/mp4");
    expect(video.body.subarray(4, 8).toString("latin1")).toBe("ftyp");
  });

  test("encodePng writes the PNG signature and an IEND chunk", () => {
    const png = encodePng(2, 3);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(-8, -4).toString("latin1")).toBe("IEND");
  });
});

describe("finding Chromium", () => {
  test("a CHROME_PATH that is not a program fails with how to fix it", () => {
    expect(() => findChromium({ CHROME_PATH: "/nonexistent/chrome" })).toThrow(MissingBrowserError);
    expect(() => findChromium({ CHROME_PATH: "/nonexistent/chrome" })).toThrow(/apt-get install -y chromium/);
  });

  test("CHROME_PATH wins over the installed candidates", () => {
    expect(findChromium({ CHROME_PATH: process.execPath })).toBe(process.execPath);
  });
});
