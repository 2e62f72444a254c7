/**
 * The workflow carried inside its preview SVG, where ComfyUI looks for it when the image
 * is dropped on its canvas: `<metadata><![CDATA[{"workflow": …}]]></metadata>` (the API
 * format as `{"prompt": …}`), read by Comfy-Org/ComfyUI_frontend's
 * src/scripts/metadata/svg.ts with a non-greedy match up to the first `]]>`.
 */

/**
 * Makes JSON text safe inside CDATA without changing its value. `<` and `>` only occur
 * inside JSON strings, where `\u003c` and `\u003e` mean the same, so no `]]>` can end the
 * section early and no markup appears in it at all; the two non-characters XML forbids are
 * escaped the same way.
 */
export function cdataSafeJson(json: string): string {
  return json
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/\uFFFE/g, "\\ufffe")
    .replace(/\uFFFF/g, "\\uffff");
}

/** The `<metadata>` element for workflow JSON `text` (a file that already parsed as JSON). */
export function workflowMetadata(text: string, format: "ui" | "api"): string {
  const json = text.replace(/^\uFEFF/, "").trim();
  const key = format === "api" ? "prompt" : "workflow";
  return `<metadata><![CDATA[{"${key}":${cdataSafeJson(json)}}]]></metadata>`;
}
