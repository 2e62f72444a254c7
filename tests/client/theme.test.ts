import { describe, expect, test } from "vitest";
import { effectiveTheme, nextTheme, parseTheme, type ThemeMode } from "../../src/client/theme.ts";

describe("parseTheme", () => {
  test.each([
    ["light", "light"],
    ["dark", "dark"],
    [null, "system"],
    ["system", "system"],
    ["blue", "system"],
  ] as const)("%s → %s", (stored, mode) => expect(parseTheme(stored)).toBe(mode));
});

describe("effectiveTheme", () => {
  test("system follows the OS; a choice overrides it", () => {
    expect(effectiveTheme("system", true)).toBe("dark");
    expect(effectiveTheme("system", false)).toBe("light");
    expect(effectiveTheme("light", true)).toBe("light");
    expect(effectiveTheme("dark", false)).toBe("dark");
  });
});

describe("nextTheme", () => {
  test.each([true, false])("cycles through all three modes (system dark: %s)", (systemDark) => {
    const seen: ThemeMode[] = [];
    let mode: ThemeMode = "system";
    for (let i = 0; i < 3; i++) {
      mode = nextTheme(mode, systemDark);
      seen.push(mode);
    }
    expect(seen.sort()).toEqual(["dark", "light", "system"]);
    expect(mode).toBe("system");
  });

  test.each([true, false])("the first click from system always changes the colours (system dark: %s)", (systemDark) => {
    const before = effectiveTheme("system", systemDark);
    expect(effectiveTheme(nextTheme("system", systemDark), systemDark)).not.toBe(before);
  });
});
