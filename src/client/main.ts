/** Entry of /assets/js/main.js: one module per reader feature, each a no-op where its markup is absent. */
import { initCodeCopy } from "./code-copy.ts";
import { initHeadingLinkCopy } from "./heading-link-copy.ts";
import { initLightbox } from "./lightbox.ts";
import { initMenu } from "./menu.ts";
import { initSearch } from "./search.ts";
import { readStrings } from "./strings.ts";
import { initThemeToggle } from "./theme-toggle.ts";
import { initTocDisclosure } from "./toc-disclosure.ts";
import { initTocHighlight } from "./toc-highlight.ts";
import { initVideos } from "./video.ts";
import { initWorkflowCopy } from "./workflow-copy.ts";
import { initWorkflowDrag } from "./workflow-drag.ts";
import { initWorkflowViewer } from "./workflow-viewer.ts";
import { initYouTube } from "./youtube.ts";

const s = readStrings(document);
// Each feature is isolated: one failing (an old browser, odd markup) leaves the others working.
for (const init of [
  initThemeToggle,
  initMenu,
  initSearch,
  initTocDisclosure,
  initTocHighlight,
  initHeadingLinkCopy,
  initCodeCopy,
  initWorkflowCopy,
  initWorkflowDrag,
  initWorkflowViewer,
  initVideos,
  initYouTube,
  initLightbox,
]) {
  try {
    init(s);
  } catch (error) {
    console.error(error);
  }
}
