/** Images need alternative text: screen readers and failed loads have nothing else. */
import { finding, type Rule } from "../rule.ts";

/** An image whose alt text is empty or absent, in Markdown (`![](…)`) or raw `<img>`. */
export const mediaAltRule: Rule = (model) =>
  model.pages.flatMap((page) =>
    page.facts.images
      .filter((image) => (image.alt ?? "").trim() === "")
      .map((image) =>
        finding(page, image, "warning", "media/missing-alt", `image ${image.src} has no alt text; describe it: ![what it shows](${image.src})`),
      ),
  );
