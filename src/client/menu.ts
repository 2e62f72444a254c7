/** The narrow-screen menu button: opens and closes the sidebar it controls. */

/**
 * `aria-expanded` on the button and `data-open` on the sidebar carry the state (the layout's
 * CSS shows the sidebar from either). Esc and a click outside close it; focus moves into
 * the sidebar on open and back to the button when Esc closes it.
 */
export function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-menu-toggle]");
  const panel = button && document.getElementById(button.getAttribute("aria-controls") ?? "");
  if (!button || !panel) return;
  const isOpen = () => button.getAttribute("aria-expanded") === "true";
  const set = (open: boolean) => {
    button.setAttribute("aria-expanded", String(open));
    panel.toggleAttribute("data-open", open);
    if (open) (panel.querySelector<HTMLElement>('[aria-current="page"]') ?? panel.querySelector<HTMLElement>("a[href], button"))?.focus();
  };
  button.addEventListener("click", () => set(!isOpen()));
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !isOpen()) return;
    set(false);
    button.focus();
  });
  document.addEventListener("click", (event) => {
    const target = event.target as Node;
    // A link inside the sidebar also closes it: same-page links would otherwise leave it over the text.
    if (isOpen() && (!panel.contains(target) || (target as Element).closest?.("a")) && !button.contains(target)) set(false);
  });
}
