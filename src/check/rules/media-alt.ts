/** Images need alternative text: screen readers and failed loads have nothing else. */
import type { ImageFact } from "../../markdown/facts.ts";
import { finding, type Rule } from "../rule.ts";

/** How to add alt text, in the syntax the image was written in. */
function fix(image: ImageFact): string {
  return image.mediaRow ? `{% mediaRow img="${image.src}" alt="what it shows" … %}` : `![what it shows](${image.src})`;
}

/** An image whose alt text is empty or absent: Markdown (`![](…)`), raw `<img>`, or a `{% mediaRow %}` image. */
export const mediaAltRule: Rule = (model) =>
  model.pages.flatMap((page) =>
    page.facts.images
      .filter((image) => (image.alt ?? "").trim() === "")
      .map((image) => finding(page, image, "warning", "media/missing-alt", `image ${image.src} has no alt text; describe it: ${fix(image)}`)),
  );
