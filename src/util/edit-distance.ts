/** Levenshtein distance, for "did you mean" hints (nav ids, links). */

/** Edits (insert, delete, substitute) turning `a` into `b`; stops early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate one edit from `word`, if any. One edit only: guides name pages by model
 * family (`sd15-text2image`, `sdxl-text2image`), two or more edits apart yet both real.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = 1;
  let found: string | undefined;
  let distance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate, limit);
    if (d > 0 && d < distance) [found, distance] = [candidate, d];
  }
  return found;
}
