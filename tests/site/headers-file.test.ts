import { describe, expect, test } from "vitest";
import { headersFile, IMMUTABLE, REVALIDATE } from "../../src/site/headers-file.ts";

/** The file as rules: path → header name → value, failing on a path listed twice. */
function parse(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (!line.startsWith(" ")) {
      if (rules.has(line)) throw new Error(`${line} listed twice`);
      rules.set(line, (current = new Map()));
    } else {
      const [name, ...value] = line.trim().split(":");
      current!.set(name!.toLowerCase(), value.join(":").trim());
    }
  }
  return rules;
}

/** Cloudflare-style matching: `*` matches any run of characters, slashes included. */
const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(path);

describe("the _headers file", () => {
  const rules = parse(headersFile({ basePath: "/", languages: ["ja", "en"] }));
  /** Every header a path gets, from every rule that matches it (both hosts apply them all). */
  const headersOf = (path: string) =>
    [...rules].filter(([pattern]) => matches(pattern, path)).flatMap(([, headers]) => [...headers].map(([name, value]) => `${name}: ${value}`));

  test("hashed bundles are immutable", () => {
    expect(headersOf("/assets/js/main.0123456789.js")).toContain(`cache-control: ${IMMUTABLE}`);
    expect(headersOf("/assets/css/site.0123456789.css")).toContain(`cache-control: ${IMMUTABLE}`);
  });

  test("HTML pages, feeds and site files are revalidated", () => {
    for (const path of ["/", "/404.html", "/ja/", "/en/basic-workflows/sd15-lora/", "/ja/404.html", "/ja/feed.xml", "/sitemap.xml", "/manifest.webmanifest", "/pagefind/pagefind.js"]) {
      expect(headersOf(path), path).toContain(`cache-control: ${REVALIDATE}`);
    }
  });

  test("workflow files and previews can be fetched from any origin (ComfyUI elsewhere)", () => {
    expect(headersOf("/workflows/basic-workflows/sd15-lora/SD1.5_lora.json")).toContain("access-control-allow-origin: *");
    expect(headersOf("/workflow-previews/basic-workflows/sd15-lora/SD1.5_lora.svg")).toContain("access-control-allow-origin: *");
    expect(headersOf("/ja/")).not.toContain("access-control-allow-origin: *");
  });

  test("no path gets Cache-Control twice (Cloudflare would join them into a contradiction)", () => {
    for (const path of ["/", "/ja/x/", "/assets/js/main.0123456789.js", "/workflows/a.json", "/workflow-previews/a.svg", "/pagefind/x.pf_index", "/404.html"]) {
      expect(headersOf(path).filter((h) => h.startsWith("cache-control")), path).toHaveLength(1);
    }
  });

  test("with a base path, every rule is under it", () => {
    const prefixed = parse(headersFile({ basePath: "/repo/", languages: ["ja"] }));
    expect([...prefixed.keys()].filter((path) => !path.startsWith("/repo/"))).toEqual([]);
    expect(prefixed.get("/repo/workflows/*")?.get("access-control-allow-origin")).toBe("*");
  });
});
