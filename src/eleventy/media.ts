/**
 * Binds media to Eleventy: the `{% mediaRow %}` … `{% endmediaRow %}` Nunjucks tag, and
 * publishing the images that live next to the pages.
 */
import { relative, join } from "node:path";
import type nunjucks from "nunjucks";
import { formatMediaRowBlock } from "../media/media-row-tag.ts";
import type { EleventyConfig } from "./types.ts";

/** Image files in the content folder that are copied to the site as they are. */
export const CONTENT_IMAGE_GLOB = "**/*.{png,jpg,jpeg,gif,webp,avif,svg}";

type NunjucksLib = typeof nunjucks;
type NunjucksCallback = (error: Error | null, output?: unknown) => void;
type TagFactory = (lib: NunjucksLib) => nunjucks.Extension & { run(...args: unknown[]): void };

/**
 * The tag re-emits itself in canonical form around its rendered body: the Markdown block
 * rule (src/markdown/media-row-block.ts) then turns it into HTML, with the same sizing and
 * checks as any image, and the content check can read the raw source the same way.
 *
 * A custom tag rather than `addPairedShortcode`: shortcode arguments need commas
 * (`img="…", alt="…"`), and authors write them space-separated as in the syntax.
 * Both forms are accepted here.
 */
const mediaRowTag: TagFactory = (lib) => ({
  tags: ["mediaRow"],
  parse(parser, nodes, lexer) {
    const tag = parser.nextToken();
    const kwargs = new nodes.KeywordArgs(tag.lineno, tag.colno);
    while (parser.peekToken()?.type !== lexer.TOKEN_BLOCK_END) {
      parser.skip(lexer.TOKEN_COMMA);
      const key = parser.nextToken();
      if (key?.type !== lexer.TOKEN_SYMBOL || !parser.skipValue(lexer.TOKEN_OPERATOR, "=")) {
        parser.fail('mediaRow: expected name="value" arguments', key?.lineno, key?.colno);
      }
      const value = parser.parseExpression();
      kwargs.addChild(new nodes.Pair(key.lineno, key.colno, new nodes.Literal(key.lineno, key.colno, key.value), value));
    }
    parser.advanceAfterBlockEnd(tag.value);
    const body = parser.parseUntilBlocks("endmediaRow");
    parser.advanceAfterBlockEnd();
    // Async, like Eleventy's paired shortcodes, so the body may hold async shortcodes.
    return new nodes.CallExtensionAsync(this, "run", new nodes.NodeList(tag.lineno, tag.colno, [kwargs]), [body]);
  },
  run(...args: unknown[]) {
    const callback = args.pop() as NunjucksCallback;
    const body = args.pop() as (cb: NunjucksCallback) => void;
    const kwargs = (args[1] ?? {}) as Record<string, unknown>;
    body((error, content) => {
      if (error) return callback(error);
      callback(null, new lib.runtime.SafeString(formatMediaRowBlock(kwargs, String(content ?? ""))));
    });
  },
});

/** Where the site's content is, to publish its images. */
export interface MediaPluginOptions {
  root: string;
  contentDir: string;
}

/** Adds the mediaRow tag and copies content images (their sizes are read by the Markdown plugin). */
export default function mediaPlugin(eleventyConfig: EleventyConfig, options: MediaPluginOptions): void {
  (eleventyConfig.addNunjucksTag as (name: string, factory: TagFactory) => void)("mediaRow", mediaRowTag);
  // Passthrough paths are relative to the working directory; Eleventy strips the input
  // folder, so content/ja/s/a.png is published at /ja/s/a.png.
  const input = relative(process.cwd(), join(options.root, options.contentDir)) || ".";
  eleventyConfig.addPassthroughCopy(`${input}/${CONTENT_IMAGE_GLOB}`);
}
