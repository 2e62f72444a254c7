/** Site search: a dialog over Pagefind, whose script and index load on first open only. */
import { all, h, lockScroll, trapFocus } from "./dom.ts";
import { isComposing, isSearchShortcut, isTypingTarget, stepResult, type TargetLike } from "./keyboard.ts";
import { toHit, type PagefindData, type SearchHit, type Segment } from "./search-results.ts";
import type { Strings } from "./strings.ts";

/** The part of Pagefind's browser API used here. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindData> }> }>;
}

// A variable, not a literal, so esbuild leaves the import to the browser. Resolved from this
// bundle's own URL (/<base>/assets/js/main.<hash>.js), so search works under any base path:
// Pagefind takes its base URL for results from where its script was loaded. Its script reads
// `<html lang>` and loads that language's index: results stay in the page's language.
const PAGEFIND_URL = new URL("../../pagefind/pagefind.js", import.meta.url).pathname;
const MAX_RESULTS = 10;

function resultLink(url: string, title: string, excerpt?: Segment[]): HTMLAnchorElement {
  const parts: Node[] = [h("span", { class: "search-title" }, title)];
  if (excerpt) parts.push(h("span", { class: "search-excerpt" }, ...excerpt.map((seg) => (seg.mark ? h("mark", {}, seg.text) : seg.text))));
  return h("a", { href: url, class: excerpt ? "search-hit" : "search-section" }, ...parts);
}

function createSearch(s: Strings) {
  const input = h("input", { id: "search-input", type: "search", autocomplete: "off", spellcheck: "false", enterkeyhint: "go",
    placeholder: s("search.placeholder"), "aria-describedby": "search-hint", "aria-controls": "search-results" });
  const close = h("button", { type: "button", class: "search-close", "aria-label": s("search.close") }, "×");
  const form = h("form", { role: "search", class: "search-form" }, h("label", { for: "search-input", id: "search-label" }, s("search.label")), input, close);
  const status = h("p", { class: "search-status", role: "status" });
  const list = h("ul", { id: "search-results", class: "search-results", "aria-labelledby": "search-label" });
  const dialog = h("dialog", { class: "search-dialog", "aria-labelledby": "search-label" },
    h("div", { class: "search-panel" }, form, status, list, h("p", { id: "search-hint", class: "search-hint" }, s("search.hint"))));
  document.body.append(dialog);
  trapFocus(dialog);
  let pagefind: Promise<Pagefind> | undefined;
  let opener: HTMLElement | undefined;
  let runId = 0;
  let timer = 0;

  const load = () =>
    (pagefind ??= import(PAGEFIND_URL).then(async (pf: Pagefind) => {
      await pf.options({ excerptLength: 24 });
      await pf.init();
      return pf;
    }).catch((error: unknown) => {
      pagefind = undefined; // let the next open try again
      throw error;
    }));

  const render = (hits: SearchHit[], total: number, query: string) => {
    list.replaceChildren(...hits.map((hit) => h("li", {}, resultLink(hit.url, hit.title, hit.excerpt),
      ...(hit.sections.length ? [h("ul", {}, ...hit.sections.map((sec) => h("li", {}, resultLink(sec.url, sec.title))))] : []))));
    status.textContent = total ? s("search.count", { count: total }) : s("search.empty", { query });
  };
  // Each run gets an id; a slower, older run never overwrites a newer one's results.
  const run = async () => {
    const id = ++runId;
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const found = await (await load()).search(query);
      const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
      if (id === runId) render(data.map((d) => toHit(d, query, document.documentElement.lang)), found.results.length, query);
    } catch {
      if (id === runId) status.textContent = s("search.error");
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => {
    const link = (event.target as Element).closest("a");
    // The backdrop is the dialog itself; a result link navigates, so focus need not come back.
    if (event.target === dialog || (link && !event.ctrlKey && !event.metaKey && !event.shiftKey)) {
      if (link) opener = undefined;
      dialog.close();
    }
  });
  dialog.addEventListener("keydown", (event) => {
    if (isComposing(event)) return; // Enter, Esc and arrows belong to the IME while it converts
    const links = all<HTMLAnchorElement>("a", list);
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "Escape") {
      // Chrome's search field would eat the first Esc to clear itself; one Esc closes.
      event.preventDefault();
      dialog.close();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && links.length) {
      event.preventDefault();
      const next = stepResult(current, event.key === "ArrowDown" ? 1 : -1, links.length);
      (next < 0 ? input : links[next]!).focus();
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      links[0]?.click();
    } else if (current >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
      input.focus(); // typing on a result goes on in the field
    }
  });
  dialog.addEventListener("close", () => {
    lockScroll(false);
    opener?.focus({ preventScroll: true });
  });

  return {
    open(from: HTMLElement | undefined) {
      if (!dialog.open) {
        opener = from;
        lockScroll(true);
        dialog.showModal();
      }
      input.focus();
      input.select();
      if (!pagefind) status.textContent = s("search.loading");
      load().then(
        () => {
          if (input.value.trim()) void run();
          else status.textContent = "";
        },
        () => {
          status.textContent = s("search.error");
        },
      );
    },
  };
}

/** Unhides the header's search buttons and binds `/` and Ctrl/Cmd+K; builds the dialog on first use. */
export function initSearch(s: Strings): void {
  const buttons = all<HTMLButtonElement>("[data-search-open]");
  if (buttons.length === 0) return;
  let search: ReturnType<typeof createSearch> | undefined;
  const open = (from: HTMLElement | undefined) => (search ??= createSearch(s)).open(from);
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener("click", () => open(button));
  }
  document.addEventListener("keydown", (event) => {
    const target = event.target as TargetLike | null;
    if (!isSearchShortcut(event, isTypingTarget(target))) return;
    // Another modal (the lightbox) keeps its keys; the search dialog just refocuses its field.
    const openDialog = document.querySelector("dialog[open]");
    if (openDialog && !openDialog.classList.contains("search-dialog")) return;
    event.preventDefault();
    const active = document.activeElement;
    open(active instanceof HTMLElement && active !== document.body ? active : undefined);
  });
}
