/**
 * The dev server (`npm start`) listens on 127.0.0.1 only unless told otherwise, and
 * answers 400 to a request path that could name a file outside the output folder.
 */
import { createRequire } from "node:module";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { EleventyConfig } from "./types.ts";

/** The environment variable that sets the address `npm start` listens on: `0.0.0.0` exposes it to the network. */
export const DEV_SERVER_HOST_VARIABLE = "DEV_SERVER_HOST";
/** Loopback only: nobody else on the network can read the drafts being served. */
export const DEFAULT_DEV_SERVER_HOST = "127.0.0.1";

/** The address to listen on, from the environment. */
export function devServerHost(env: NodeJS.ProcessEnv = process.env): string {
  return env[DEV_SERVER_HOST_VARIABLE]?.trim() || DEFAULT_DEV_SERVER_HOST;
}

/**
 * True when a request's path holds a segment that is, or decodes to, `.` or `..`, or
 * decodes to something holding `/`, `\` or NUL (`/..%2fpackage.json`), or does not decode
 * at all. The dev server decodes the path before joining it to the output folder; no
 * page of the site has such a path.
 */
export function isUnsafeRequestPath(url: string): boolean {
  const path = url.replace(/[?#].*$/s, "");
  if (!path.startsWith("/") || path.includes("\\")) return true;
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    if (decoded === "." || decoded === ".." || /[/\\\0]/.test(decoded)) return true;
  }
  return false;
}

type Next = () => unknown;

/** Dev-server middleware: 400 for {@link isUnsafeRequestPath}, everything else passes on. */
export function refuseUnsafePaths(req: IncomingMessage, res: ServerResponse, next: Next): unknown {
  if (!isUnsafeRequestPath(req.url ?? "/")) return next();
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("400 Bad Request: the path leaves the site\n");
  return undefined;
}

interface DevServerPrototype {
  _serverListen(port: number): void;
  server: Server;
  options: { host?: string };
}

let listensOnHost = false;

/**
 * Eleventy Dev Server 2 has no host option: it calls `listen({ port })`, which is every
 * interface (11ty/eleventy-dev-server#128). Its listen method is replaced, for the copy
 * of the module Eleventy itself loads, by one that passes `options.host` on.
 */
export function listenOnConfiguredHost(): void {
  if (listensOnHost) return;
  const require = createRequire(import.meta.url);
  const fromEleventy = createRequire(require.resolve("@11ty/eleventy"));
  const DevServer = fromEleventy("@11ty/eleventy-dev-server") as { prototype: DevServerPrototype };
  DevServer.prototype._serverListen = function (this: DevServerPrototype, port: number) {
    this.server.listen({ port, host: this.options.host });
  };
  listensOnHost = true;
}

/** The options `npm start` gives the dev server. */
export function devServerOptions(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const host = devServerHost(env);
  return {
    host,
    middleware: [refuseUnsafePaths],
    messageOnStart: ({ localhostUrl }: { localhostUrl: string }) =>
      host === DEFAULT_DEV_SERVER_HOST
        ? `Server at ${localhostUrl.replace("localhost", host)} (this machine only; ${DEV_SERVER_HOST_VARIABLE}=0.0.0.0 npm start exposes it)`
        : `Server at ${localhostUrl.replace("localhost", host)} (listening on ${host}: reachable from other machines)`,
  };
}

/**
 * Binds the dev server to {@link devServerHost} and guards its paths. The listen method is
 * replaced in the server's `setup`, which Eleventy calls only when it serves, just before it
 * loads the server: a build never loads the dev server's module (≈40 ms of its start-up).
 */
export default function devServerPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setServerOptions({ ...devServerOptions(), setup: listenOnConfiguredHost });
}
