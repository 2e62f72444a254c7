/** Table of contents: a closed disclosure on narrow screens, always open as the wide side column. */

/** The width from which the TOC is a side column (layout.css, `min-width: 75rem`). */
export const TOC_COLUMN_QUERY = "(min-width: 75rem)";

/**
 * The markup starts closed, so a phone's first screen is the article. Where the TOC is a
 * column, `open` is set (CSS already shows the list there before this runs) and the
 * summary is no control: a click or Enter on it must not hide the column's list.
 */
export function initTocDisclosure(): void {
  const details = document.querySelector<HTMLDetailsElement>("[data-toc-details]");
  const summary = details?.querySelector("summary");
  if (!details || !summary) return;
  const column = matchMedia(TOC_COLUMN_QUERY);
  const sync = () => {
    details.open = column.matches;
    if (column.matches) summary.tabIndex = -1;
    else summary.removeAttribute("tabindex");
  };
  summary.addEventListener("click", (event) => {
    if (column.matches) event.preventDefault();
  });
  column.addEventListener("change", sync);
  sync();
}
