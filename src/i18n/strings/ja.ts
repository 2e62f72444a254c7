/** Japanese UI strings. Keys are grouped by the feature that shows them. */
export default {
  // site
  "site.title": "ComfyUI ガイド",
  // workflow block
  // media
  // navigation, language switching, site pages
  // reader UI (search, lightbox, copy buttons, theme)
} as const satisfies Record<string, string>;
