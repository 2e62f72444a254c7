/** Workflow blocks: Copy puts the workflow file's exact text on the clipboard. */
import { bindCopy, canCopy } from "./clipboard.ts";
import { all } from "./dom.ts";
import type { Strings } from "./strings.ts";

/** Fetches a workflow file's text; a failed response is an error, not an empty copy. */
async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** Unhides each block's Copy button where the clipboard API exists; Download needs no script. */
export function initWorkflowCopy(s: Strings): void {
  if (!canCopy()) return;
  for (const block of all(".workflow-block[data-workflow-src]")) {
    const button = block.querySelector<HTMLButtonElement>("[data-workflow-copy]");
    if (!button) continue;
    // Fetched on each click, not at load: pages stay light and the text is always current.
    bindCopy(button, block.querySelector(".workflow-copy-status"), s, () => fetchText(block.dataset.workflowSrc!));
    button.hidden = false;
  }
}
