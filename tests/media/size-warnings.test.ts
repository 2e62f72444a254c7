import { expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.ts";
import { groupSizeWarnings, sizeUnknownMessage } from "../../src/media/size-warnings.ts";

const A = "c2eee3ec1ec36c052a302dc344ff1a69";
const B = "87dc794e1f87940a585696bf82df517d";
const at = (file: string, line: number, rule: string, message: string, severity: Diagnostic["severity"] = "warning"): Diagnostic => ({
  file,
  line,
  column: 1,
  severity,
  rule,
  message,
});

test("every size-unknown warning becomes one line listing each id once", () => {
  const list = [
    at("content/ja/a.md", 3, "front-matter/invalid", "x", "error"),
    at("content/ja/a.md", 10, "media/size-unknown", sizeUnknownMessage(A)),
    at("content/ja/a.md", 20, "media/size-unknown", sizeUnknownMessage(B)),
    at("content/en/a.md", 10, "media/size-unknown", sizeUnknownMessage(A)),
    at("content/ja/b.md", 1, "media/unknown-mode", "y", "error"),
  ];
  const grouped = groupSizeWarnings(list);
  expect(grouped.map((d) => d.rule)).toEqual(["front-matter/invalid", "media/size-unknown", "media/unknown-mode"]);
  expect(grouped[1]).toEqual({
    file: "content/_data/media.json",
    line: 1,
    column: 1,
    severity: "warning",
    rule: "media/size-unknown",
    message: `2 Gyazo item(s) have no recorded size and are shown in 16:9 boxes: ${A}, ${B}; run \`npm run media:sync\` to fetch their sizes`,
  });
});

test("a list without size warnings is returned as it is", () => {
  const list = [at("content/ja/a.md", 3, "links/x", "z", "error")];
  expect(groupSizeWarnings(list)).toEqual(list);
  expect(groupSizeWarnings([])).toEqual([]);
});
