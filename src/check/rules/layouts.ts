/**
 * A page's `layout` must be a template in the project's `_includes/`: Eleventy stops the
 * whole build on a missing one, so the check says so first, at the `layout:` line.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { finding, type Rule } from "../rule.ts";

/** Layouts always come from this project (eleventy.config.ts sets the includes folder). */
const INCLUDES = fileURLToPath(new URL("../../../_includes/", import.meta.url));

/** Template files of `_includes/`, as `layout:` names them (`page.njk`, `partials/toc.njk`). */
export function knownLayouts(dir = INCLUDES): Set<string> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" });
  return new Set(files.map((f) => f.split("\\").join("/")));
}

/** A `layout` that names no file in `_includes/`. */
export const layoutRule: Rule = (model) => {
  const layouts = knownLayouts();
  return model.pages.flatMap((page) => {
    const layout = page.data.layout;
    if (typeof layout !== "string" || layout === "" || layouts.has(layout)) return [];
    const choices = [...layouts].filter((l) => !l.includes("/")).sort().join(", ");
    return [finding(page, ["layout"], "error", "front-matter/layout", `layout "${layout}" does not exist in _includes/; use one of ${choices}`)];
  });
};
