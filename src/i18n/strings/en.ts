/** English UI strings: the same keys as ja.ts (the type checker enforces it). */
import type { UiStrings } from "../t.ts";

export default {
  // site
  "site.title": "ComfyUI Guide",
  // workflow block
  // media
  // navigation, language switching, site pages
  // reader UI (search, lightbox, copy buttons, theme)
} as const satisfies UiStrings;
