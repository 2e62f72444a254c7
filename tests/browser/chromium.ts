/** Finds the system Chromium and starts one shared browser for the whole browser suite. */
import { accessSync, constants } from "node:fs";
import { chromium, type BrowserServer } from "playwright-core";

// Playwright's own browser download needs a host this project cannot reach; the suite
// drives the distribution's Chromium instead.
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

// Keeps Chromium from phoning home (updates, sync, QUIC probes): tests must not touch the network.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/** Thrown when no browser can be found; the message says how to get one. */
export class MissingBrowserError extends Error {}

/** The Chromium executable: $CHROME_PATH, else the first installed candidate. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROME_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new MissingBrowserError(
      `CHROME_PATH is set to ${configured}, which is not an executable file. ` +
        "Point it at a Chromium or Chrome binary, or unset it and run `apt-get install -y chromium`.",
    );
  }
  const found = CANDIDATES.find(isExecutable);
  if (found) return found;
  throw new MissingBrowserError(
    `The browser tests need Chromium and found none (looked in ${CANDIDATES.join(", ")}). ` +
      "Install it with `apt-get install -y chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chromium or Chrome binary.",
  );
}

/** Starts a headless Chromium that test workers connect to over its WebSocket endpoint. */
export function launchChromiumServer(executablePath: string): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath, args: ARGS, headless: true });
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
