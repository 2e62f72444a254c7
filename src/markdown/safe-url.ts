/** markdown-it links and images under the URL policy of src/util/safe-url.ts, the one raw HTML follows. */
import { isSafeUrl } from "../util/safe-url.ts";
import type { MarkdownIt } from "./types.ts";

// markdown-it's own exception: images may be data: URLs of raster types. The media rule
// then refuses them with a message of its own (media/unsafe-url).
const DATA_IMAGE = /^data:image\/(gif|png|jpeg|webp);/i;

/** Makes markdown-it link only URLs {@link isSafeUrl} accepts: links and images are judged like raw HTML. */
export function safeLinksPlugin(md: MarkdownIt): void {
  const validate = md.validateLink.bind(md);
  md.validateLink = (url) => isSafeUrl(url) || (DATA_IMAGE.test(url) && validate(url));
}
