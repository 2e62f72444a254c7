/**
 * Workflow blocks: dragging Download or the preview onto a ComfyUI canvas opens the
 * workflow. ComfyUI's drop handler fetches the first URI of `text/uri-list` (or
 * `text/x-moz-url`) when no file is dropped, so the drag carries the JSON file's absolute
 * URL, made from the page's own origin at run time: ComfyUI runs on another origin, where
 * a relative path means nothing. A dropped preview image still loads: the SVG carries the
 * workflow in its `<metadata>`.
 */
import { all } from "./dom.ts";

/** The absolute URL of a workflow file linked as `src` from the page at `pageUrl`. */
export function workflowDragUri(src: string, pageUrl: string): string {
  return new URL(src, pageUrl).href;
}

/** Sets the block's workflow URL on drags that start on its Download link or preview. */
export function initWorkflowDrag(): void {
  for (const block of all(".workflow-block[data-workflow-src]")) {
    block.addEventListener("dragstart", (event) => {
      const handle = (event.target as Element | null)?.closest?.(".workflow-download, .workflow-preview");
      if (!handle || !block.contains(handle) || !event.dataTransfer) return;
      const uri = workflowDragUri(block.dataset.workflowSrc!, location.href);
      const name = block.querySelector(".workflow-file")?.textContent ?? "";
      event.dataTransfer.setData("text/uri-list", uri);
      event.dataTransfer.setData("text/x-moz-url", `${uri}\n${name}`);
      event.dataTransfer.setData("text/plain", uri);
      event.dataTransfer.effectAllowed = "copyLink";
    });
  }
}
