/**
 * A page's variables (`lang`, `section`, `slug`) and its permalink with them filled in.
 * The same values reach the body render and the permalink, in the check and the build.
 */
import { defaultLang } from "../i18n/locale.ts";
import type { PageVariables } from "../markdown/render-env.ts";
import { expandVariables } from "../markdown/page-variables.ts";

/** Where a page sits, as far as its variables go (src/check/page-path.ts reads it from the path). */
export interface VariablePlace {
  lang?: string;
  section?: string;
  slug?: string;
}

/** The variables of a page at `place` with front matter `data`: front matter `lang`/`slug` win, as authors see them. */
export function pageVariables(place: VariablePlace, data: Record<string, unknown>): PageVariables {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  return {
    lang: text(data.lang) ?? place.lang ?? defaultLang(),
    section: place.section ?? "",
    slug: text(data.slug) ?? place.slug ?? "index",
  };
}

/** `permalink` with page variables filled in, or undefined when it holds any other template tag. */
export function expandPermalink(permalink: string, variables: PageVariables): string | undefined {
  let unknown = false;
  const url = expandVariables(permalink, variables, () => (unknown = true));
  return unknown ? undefined : url;
}
