/** Table of contents: marks the link of the section being read with aria-current. */
import { all } from "./dom.ts";
import { currentHeadingId } from "./heading-position.ts";

/** Fraction of the viewport height, from the top, where a section counts as being read. */
const READING_LINE = 0.3;

/**
 * An observer whose root reaches far above the viewport and ends at the reading line:
 * every heading crossing that line changes state, even on a jump (Home/End, a link),
 * and each change recomputes the current heading from the headings' positions.
 */
export function initTocHighlight(): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const link of all<HTMLAnchorElement>('[data-toc] a[href^="#"]')) {
    links.set(decodeURIComponent(link.hash.slice(1)), link);
  }
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((el): el is HTMLElement => !!el);
  if (headings.length === 0) return;
  let current: HTMLAnchorElement | undefined;
  const update = () => {
    const tops = headings.map((el) => ({ id: el.id, top: el.getBoundingClientRect().top }));
    const link = links.get(currentHeadingId(tops, innerHeight * READING_LINE) ?? "");
    if (link === current) return;
    current?.removeAttribute("aria-current");
    link?.setAttribute("aria-current", "location");
    current = link;
  };
  const observer = new IntersectionObserver(update, { rootMargin: `100000px 0px -${100 - READING_LINE * 100}% 0px` });
  for (const heading of headings) observer.observe(heading);
}
