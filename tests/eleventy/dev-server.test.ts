/**
 * The dev server listens on 127.0.0.1 unless DEV_SERVER_HOST says otherwise, and answers
 * 400 to paths that decode to `..` or a slash. Tried against Eleventy's own dev server
 * class with the options `npm start` gives it, over real HTTP.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import devServerPlugin, { devServerHost, devServerOptions, isUnsafeRequestPath, listenOnConfiguredHost } from "../../src/eleventy/dev-server.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";

describe("isUnsafeRequestPath", () => {
  test.each(["/", "/ja/basic-workflows/sd15-lora/", "/workflows/a/SD1.5_lora.json", "/workflows/a/%E3%83%AF.json", "/a%20b.png?x=1", "/.11ty/reload-client.js", "/a/..b/"])(
    "%s is served",
    (url) => expect(isUnsafeRequestPath(url)).toBe(false),
  );
  test.each(["/..%2fpackage.json", "/..%2Fpackage.json", "/a/..%5c..%5cpackage.json", "/%2e%2e/package.json", "/../package.json", "/a/./b", "/a%00b", "/a\\b", "/%E0%A4%A", "http://x/", "*"])(
    "%s is refused",
    (url) => expect(isUnsafeRequestPath(url)).toBe(true),
  );
});

describe("devServerHost", () => {
  test("127.0.0.1 by default; DEV_SERVER_HOST exposes it", () => {
    expect(devServerHost({})).toBe("127.0.0.1");
    expect(devServerHost({ DEV_SERVER_HOST: " " })).toBe("127.0.0.1");
    expect(devServerHost({ DEV_SERVER_HOST: "0.0.0.0" })).toBe("0.0.0.0");
  });

  test("the plugin gives the dev server the host and the path guard, and binds the host when Eleventy serves", () => {
    const options = pluginOptions();
    expect(options).toEqual([expect.objectContaining({ host: devServerHost(), middleware: devServerOptions().middleware, setup: listenOnConfiguredHost })]);
  });
});

describe("Eleventy's dev server with these options", () => {
  const output = mkdtempSync(join(tmpdir(), "dev-server-"));
  let server: { serve(port: number): void; ready(): Promise<void>; close(): Promise<void>; server: { address(): AddressInfo } };

  beforeAll(async () => {
    mkdirSync(join(output, "site"));
    writeFileSync(join(output, "site/index.html"), "<!doctype html><title>in</title><p>inside</p>");
    writeFileSync(join(output, "secret.json"), '{"outside": true}');
    // What Eleventy does when it serves: the plugin's setup, then the server.
    await (pluginOptions()[0]!["setup"] as () => unknown)();
    const require = createRequire(require_resolve_base());
    const DevServer = require("@11ty/eleventy-dev-server") as { getServer(name: string, dir: string, options: Record<string, unknown>): typeof server };
    server = DevServer.getServer("test", join(output, "site"), { ...devServerOptions({}), logger: { info() {}, log() {}, error() {}, warn() {} } });
    server.serve(0);
    await server.ready();
  });

  afterAll(async () => {
    await server.close();
  });

  function get(path: string): Promise<{ status: number; body: string }> {
    const { port } = server.server.address();
    return new Promise((done, fail) => {
      request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => done({ status: res.statusCode!, body }));
      })
        .on("error", fail)
        .end();
    });
  }

  test("listens on 127.0.0.1 only", () => {
    expect(server.server.address().address).toBe("127.0.0.1");
  });

  test("serves the site and answers 400 to /..%2fsecret.json", async () => {
    expect(await get("/")).toMatchObject({ status: 200, body: expect.stringContaining("inside") });
    for (const path of ["/..%2fsecret.json", "/%2e%2e/secret.json", "/../secret.json"]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.body).not.toContain("outside");
    }
  });
});

/** The server options the plugin sets, one entry a call. */
function pluginOptions(): Record<string, unknown>[] {
  const options: Record<string, unknown>[] = [];
  devServerPlugin({ setServerOptions: (o: Record<string, unknown>) => options.push(o) } as unknown as EleventyConfig);
  return options;
}

/** Where Eleventy resolves its dev server from, as src/eleventy/dev-server.ts does. */
function require_resolve_base(): string {
  return createRequire(import.meta.url).resolve("@11ty/eleventy");
}
