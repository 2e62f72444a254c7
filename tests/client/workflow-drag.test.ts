import { describe, expect, test } from "vitest";
import { workflowDragUri } from "../../src/client/workflow-drag.ts";

describe("workflowDragUri", () => {
  test.each([
    ["/workflows/a/b.json", "https://guide.example/ja/s/p/", "https://guide.example/workflows/a/b.json"],
    ["/workflows/a%20b/SD1.5_lora.json", "http://127.0.0.1:8080/en/x/#h", "http://127.0.0.1:8080/workflows/a%20b/SD1.5_lora.json"],
  ])("%s from %s is %s: absolute, on the page's own origin", (src, page, uri) => {
    expect(workflowDragUri(src, page)).toBe(uri);
  });
});
