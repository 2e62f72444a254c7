/**
 * A page's variables (`lang`, `section`, `slug`) and its permalink with them filled in.
 * The same values reach the body render and the permalink, in the check and the build.
 */
import { defaultLang } from "../i18n/locale.ts";
import type { ContentPlace } from "./page-identity.ts";
import type { PageVariables } from "../markdown/render-env.ts";
import { expandVariables } from "../markdown/page-variables.ts";

/**
 * The variables of a page at `place` (src/content/page-identity.ts) with front matter
 * `data`: front matter `lang`/`slug` win, as authors see them. Only a guide page's file
 * name is its `slug`; any other page's is "index" unless its front matter says otherwise.
 */
export function pageVariables(place: ContentPlace, data: Record<string, unknown>): PageVariables {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const id = place.identity;
  return {
    lang: text(data.lang) ?? place.lang ?? defaultLang(),
    section: id?.section ?? "",
    slug: text(data.slug) ?? (id?.kind === "guide" ? id.slug : "index"),
  };
}

/** `permalink` with page variables filled in, or undefined when it holds any other template tag. */
export function expandPermalink(permalink: string, variables: PageVariables): string | undefined {
  let unknown = false;
  const url = expandVariables(permalink, variables, () => (unknown = true));
  return unknown ? undefined : url;
}
