/** Theme choice, free of the DOM: the stored mode and what it shows. */

/** What the reader chose; "system" is stored as no `localStorage.theme` at all. */
export type ThemeMode = "system" | "light" | "dark";

/** Reads a stored value; anything unexpected means "follow the system". */
export function parseTheme(stored: string | null | undefined): ThemeMode {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** The colours actually shown for a mode. */
export function effectiveTheme(mode: ThemeMode, systemDark: boolean): "light" | "dark" {
  return mode === "system" ? (systemDark ? "dark" : "light") : mode;
}

/**
 * The next mode of the toggle: system → the opposite of what the system shows → the other
 * one → system. The first click therefore always changes the colours.
 */
export function nextTheme(mode: ThemeMode, systemDark: boolean): ThemeMode {
  if (mode === "system") return systemDark ? "light" : "dark";
  const first = systemDark ? "light" : "dark";
  return mode === first ? (first === "light" ? "dark" : "light") : "system";
}
