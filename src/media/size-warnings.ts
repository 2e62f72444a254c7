/**
 * The `media/size-unknown` warning: one per image while checking (with its path:line, for
 * `npm run check`), folded into a single line for the build, which would otherwise print
 * one warning per image of a fresh site.
 */
import type { Diagnostic } from "../diagnostics.ts";
import { MEDIA_METADATA_FILE } from "./media-metadata.ts";

/** Rule id of the warning. */
export const SIZE_UNKNOWN_RULE = "media/size-unknown";

/** The per-image message; {@link groupSizeWarnings} reads the id back from it. */
export function sizeUnknownMessage(id: string): string {
  return `size of Gyazo ${id} is unknown, so it is shown in a 16:9 box; run \`npm run media:sync\` to record it in ${MEDIA_METADATA_FILE}`;
}

const ID_IN_MESSAGE = /^size of Gyazo ([0-9a-f]{32}) /;

/**
 * Replaces every `media/size-unknown` diagnostic with one warning that lists the ids
 * (each once, in order of appearance) and points at the metadata file, the place to fix
 * them. Other diagnostics keep their order; the summary takes the first warning's place.
 */
export function groupSizeWarnings(list: readonly Diagnostic[]): Diagnostic[] {
  const ids: string[] = [];
  let at = -1;
  const rest: Diagnostic[] = [];
  for (const d of list) {
    const id = d.rule === SIZE_UNKNOWN_RULE ? ID_IN_MESSAGE.exec(d.message)?.[1] : undefined;
    if (!id) {
      rest.push(d);
      continue;
    }
    if (at < 0) at = rest.length;
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) return rest;
  rest.splice(at, 0, {
    file: MEDIA_METADATA_FILE,
    line: 1,
    column: 1,
    severity: "warning",
    rule: SIZE_UNKNOWN_RULE,
    message:
      `${ids.length} Gyazo item(s) have no recorded size and are shown in 16:9 boxes: ${ids.join(", ")}; ` +
      "run `npm run media:sync` to fetch their sizes",
  });
  return rest;
}
