/** The theme button: cycles system → light/dark → the other → system, stored in localStorage.theme. */
import { all } from "./dom.ts";
import type { Strings } from "./strings.ts";
import { effectiveTheme, nextTheme, parseTheme, type ThemeMode } from "./theme.ts";

function stored(): ThemeMode {
  try {
    return parseTheme(localStorage.getItem("theme"));
  } catch {
    return "system"; // storage blocked (privacy settings): follow the system
  }
}

/**
 * `<html data-theme>` always holds the colours shown ("light" | "dark"), as the head script
 * sets it before first paint; in system mode it follows the OS setting live.
 */
export function initThemeToggle(s: Strings): void {
  const buttons = all<HTMLButtonElement>("[data-theme-toggle]");
  if (buttons.length === 0) return;
  const dark = matchMedia("(prefers-color-scheme: dark)");
  let mode = stored();
  const apply = () => {
    document.documentElement.dataset.theme = effectiveTheme(mode, dark.matches);
    for (const button of buttons) {
      button.dataset.mode = mode;
      button.setAttribute("aria-label", s(`theme.${mode}`));
      button.title = s(`theme.${mode}`);
      button.hidden = false;
    }
  };
  for (const button of buttons) {
    button.addEventListener("click", () => {
      mode = nextTheme(mode, dark.matches);
      try {
        if (mode === "system") localStorage.removeItem("theme");
        else localStorage.setItem("theme", mode);
      } catch {
        // Not stored: the choice lasts for this page only.
      }
      apply();
    });
  }
  dark.addEventListener("change", apply);
  apply();
}
