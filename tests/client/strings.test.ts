import { describe, expect, test } from "vitest";
import { createStrings, fillTemplate, readStrings } from "../../src/client/strings.ts";
import ja from "../../src/i18n/strings/ja.ts";
import en from "../../src/i18n/strings/en.ts";

const page = (json: string | null) => ({ getElementById: (id: string) => (id === "ui-strings" && json !== null ? ({ textContent: json } as HTMLElement) : null) });

describe("client strings", () => {
  test("reads client.* keys from the page and fills placeholders", () => {
    const s = readStrings(page(JSON.stringify({ "client.search.count": "{count} 件見つかりました" })));
    expect(s("search.count", { count: 3 })).toBe("3 件見つかりました");
  });

  test("a missing or broken table shows the key instead of throwing", () => {
    expect(readStrings(page(null))("copy.copied")).toBe("copy.copied");
    expect(readStrings(page("{not json"))("copy.copied")).toBe("copy.copied");
  });

  test("unknown placeholders stay visible", () => {
    expect(fillTemplate("{index} / {total}", { index: 1 })).toBe("1 / {total}");
  });

  // The client asks for these; the layout renders every client.* key of the page's language.
  const used = [
    "search.open", "search.label", "search.placeholder", "search.close", "search.hint", "search.loading", "search.count",
    "search.empty", "search.error", "lightbox.label", "lightbox.open", "lightbox.close", "lightbox.prev", "lightbox.next",
    "lightbox.zoom", "lightbox.position", "video.controls", "copy.copy", "copy.code", "copy.copied", "copy.failed",
    "copy.link", "theme.system", "theme.light", "theme.dark",
  ];
  test.each([["ja", ja], ["en", en]] as const)("every key the client uses exists in %s", (_lang, table) => {
    const s = createStrings(table);
    for (const key of used) expect(s(key), key).not.toBe(key);
  });

  test("the copy feedback reads as the issue asks", () => {
    expect(createStrings(ja)("copy.copied")).toBe("コピーしました");
    expect(createStrings(en)("copy.copied")).toBe("Copied");
  });
});
