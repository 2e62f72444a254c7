/** Which heading the reader is in, and a heading's shareable URL, free of the DOM. */

/** A heading's id and its distance from the top of the viewport. */
export interface HeadingTop {
  id: string;
  top: number;
}

/**
 * The last heading (in document order) whose top has passed `line`, the reading line
 * measured from the top of the viewport; none before the first heading is reached.
 */
export function currentHeadingId(headings: readonly HeadingTop[], line: number): string | undefined {
  let current: string | undefined;
  for (const heading of headings) {
    if (heading.top > line) break;
    current = heading.id;
  }
  return current;
}

/** The absolute URL of `href` (usually `#id`) on the page at `pageUrl`. */
export function absoluteLink(href: string, pageUrl: string): string {
  return new URL(href, pageUrl).href;
}
