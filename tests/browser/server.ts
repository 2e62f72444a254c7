/** A small static file server for a built site, on a random loopback port. */
import { createReadStream, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

// Pagefind's index files have their own extensions; the browser fetches them as bytes.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

/** A running server; `close` stops it. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` at http://127.0.0.1:<random port>/, answering misses with the site's
 * 404.html. With `basePath` (`/repo/`), the site is served there, as GitHub Pages serves a
 * project site: anything outside it is a plain 404.
 */
export async function serveStatic(root: string, options: { basePath?: string } = {}): Promise<StaticServer> {
  const basePath = options.basePath ?? "/";
  const server = createServer((request, response) => {
    handle(root, basePath, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The content type the server sends for a file name. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

async function handle(root: string, basePath: string, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
  if (pathname === basePath.slice(0, -1) && basePath !== "/") {
    response.writeHead(301, { location: basePath }).end();
    return;
  }
  if (!pathname.startsWith(basePath)) {
    response.writeHead(404, { "content-type": "text/plain" }).end("Outside the base path");
    return;
  }
  const file = resolveInside(root, pathname.slice(basePath.length - 1));
  const info = file ? await stat(file).catch(() => null) : null;
  if (file && info?.isDirectory()) {
    if (!pathname.endsWith("/")) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const index = join(file, "index.html");
    const indexInfo = await stat(index).catch(() => null);
    if (indexInfo?.isFile()) return sendFile(root, response, request, index, indexInfo.size, 200);
  } else if (file && info?.isFile()) {
    return sendFile(root, response, request, file, info.size, 200);
  }
  const notFound = join(root, "404.html");
  const notFoundInfo = await stat(notFound).catch(() => null);
  if (notFoundInfo?.isFile()) return sendFile(root, response, request, notFound, notFoundInfo.size, 404);
  response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
}

// Rejects paths that would leave the site folder (`..`, encoded slashes, NUL bytes).
function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = normalize(join(root, decoded));
  return file === normalize(root) || file.startsWith(normalize(root) + sep) ? file : null;
}

/**
 * The headers the site's `_headers` file gives `pathname`, applied as Cloudflare Pages and
 * Netlify apply it: every rule whose path (`*` matching anything) matches adds its headers.
 */
export function headersFor(root: string, pathname: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(join(root, "_headers"), "utf8");
  } catch {
    return {};
  }
  const out: Record<string, string> = {};
  let matches = false;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
      matches = pattern.test(pathname);
    } else if (matches) {
      const [name, ...value] = line.trim().split(":");
      out[name!.trim().toLowerCase()] = value.join(":").trim();
    }
  }
  return out;
}

function sendFile(root: string, response: ServerResponse, request: IncomingMessage, file: string, size: number, status: number) {
  response.writeHead(status, {
    ...headersFor(root, new URL(request.url ?? "/", "http://x").pathname),
    "content-type": contentTypeOf(file),
    "content-length": size,
    "cache-control": "no-store",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
