/**
 * Finding where a token's text sits in the source. markdown-it gives line ranges for
 * blocks only; a link's column is found by searching its lines for what the author wrote.
 */

/** A 1-based position in the file (front matter included). */
export interface Located {
  line: number;
  column: number;
}

function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The lines of a Markdown body and how far into the file it starts. */
export class SourceLines {
  private readonly lines: string[];

  constructor(
    body: string,
    private readonly bodyLineOffset: number,
  ) {
    this.lines = body.split("\n").map((l) => l.replace(/\r$/, ""));
  }

  /** A forward-only search over the body lines `[start, end)` of one block. */
  cursor([start, end]: readonly [number, number]): SourceCursor {
    return new SourceCursor(this.lines, start, Math.max(end, start + 1), this.bodyLineOffset);
  }
}

/**
 * Searches a block left to right, moving past each match, so that the second of two
 * identical links on one line gets the second position.
 */
export class SourceCursor {
  private line: number;
  private column = 0;

  constructor(
    private readonly lines: readonly string[],
    private readonly start: number,
    private readonly end: number,
    private readonly offset: number,
  ) {
    this.line = start;
  }

  /** The earliest position of any of `needles`; the block's first line when none is found. */
  find(...needles: string[]): Located {
    return this.search(needles, 0) ?? { line: this.start + 1 + this.offset, column: 1 };
  }

  /** Like {@link find} for a URL markdown-it has normalised (percent-encoded), preferring `](url`. */
  findUrl(href: string): Located {
    const forms = [href, decoded(href)];
    return this.search(forms.flatMap((f) => [`(${f}`, `(<${f}`]), 1) ?? this.find(...forms);
  }

  private search(needles: readonly string[], skip: number): Located | undefined {
    for (let line = this.line; line < this.end && line < this.lines.length; line++) {
      const text = this.lines[line]!;
      const from = line === this.line ? this.column : 0;
      let best: [number, number] | undefined;
      for (const needle of needles) {
        const i = needle === "" ? -1 : text.indexOf(needle, from);
        if (i >= 0 && (!best || i < best[0])) best = [i, needle.length];
      }
      if (!best) continue;
      this.line = line;
      this.column = best[0] + best[1];
      return { line: line + 1 + this.offset, column: best[0] + 1 + skip };
    }
    return undefined;
  }
}
