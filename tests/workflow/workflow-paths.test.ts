import { describe, expect, test } from "vitest";
import { parseWorkflowHref, previewPath } from "../../src/workflow/workflow-paths.ts";

describe("parseWorkflowHref", () => {
  test("a /workflows/ JSON link", () => {
    expect(parseWorkflowHref("/workflows/basic-workflows/sd15-lora/SD1.5_lora.json")).toEqual({
      href: "/workflows/basic-workflows/sd15-lora/SD1.5_lora.json",
      segments: ["basic-workflows", "sd15-lora", "SD1.5_lora.json"],
      fileName: "SD1.5_lora.json",
      file: "workflows/basic-workflows/sd15-lora/SD1.5_lora.json",
      previewHref: "/workflow-previews/basic-workflows/sd15-lora/SD1.5_lora.svg",
    });
  });

  test("percent-encoded names are decoded for the file system, kept encoded in URLs", () => {
    const ref = parseWorkflowHref("/workflows/a/%E3%83%AF%E3%83%BC%E3%82%AF.json");
    expect(typeof ref === "object" && ref && [ref.fileName, ref.previewHref]).toEqual([
      "ワーク.json",
      "/workflow-previews/a/%E3%83%AF%E3%83%BC%E3%82%AF.svg",
    ]);
  });

  test.each(["/other/x.json", "/workflows/x.png", "workflows/x.json", "https://example.com/workflows/x.json", "/workflows/x.json#top"])(
    "%s is not a workflow link",
    (href) => expect(parseWorkflowHref(href)).toBeNull(),
  );

  test.each(["/workflows/../package.json", "/workflows/a/%2e%2e/b.json", "/workflows/a//b.json", "/workflows/%E0%A4%A.json", "/workflows/a%5Cb.json", "/workflows/..%2f..%2foutside.json", "/workflows/..%2F..%2Foutside.json", "/workflows/a/..%5C..%5Coutside.json", "/workflows/%2e%2e/x.json", "/workflows/a%00.json"])(
    "%s cannot escape the folder",
    (href) => expect(typeof parseWorkflowHref(href)).toBe("string"),
  );
});

test("previewPath mirrors the workflow's path under workflow-previews/", () => {
  expect(previewPath("/out", "a/b/W.json")).toBe("/out/workflow-previews/a/b/W.svg");
});
