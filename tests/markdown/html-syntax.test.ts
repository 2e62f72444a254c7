/**
 * Raw HTML is read in one linear pass by the sanitizer and the check alike. The large
 * inputs are shaped like the ones that made the earlier regular expressions quadratic:
 * at these sizes a quadratic reading takes far longer than the test timeout.
 */
import { describe, expect, test } from "vitest";
import { htmlTags } from "../../src/markdown/html-tags.ts";
import { scanHtml } from "../../src/markdown/html-syntax.ts";
import { sanitizeHtml } from "../../src/markdown/raw-html.ts";

describe("scanHtml", () => {
  test("splits text, comments and tags, decoding attribute values as a browser does", () => {
    const pieces = scanHtml('a <!-- c --> <a href="x&amp;y&#58;" title=\'t\' download>b</a><br/>');
    expect(pieces.map((p) => p.kind)).toEqual(["text", "comment", "text", "tag", "text", "tag", "tag"]);
    expect(pieces[3]).toMatchObject({ name: "a", closing: false, attributes: [{ name: "href", value: "x&y:" }, { name: "title", value: "t" }, { name: "download", value: undefined }] });
    expect(pieces[5]).toMatchObject({ name: "a", closing: true });
    expect(pieces[6]).toMatchObject({ name: "br", selfClosing: true });
  });

  test("an unclosed comment is text", () => {
    expect(scanHtml("x <!-- y <b>z</b>").filter((p) => p.kind === "tag").map((p) => p.source)).toEqual(["<b>", "</b>"]);
  });
});

// Milliseconds for a linear reading; the quadratic ones these inputs are shaped against
// take minutes here (the project's default timeout, 60 s, is for Eleventy builds).
const LINEAR_TIMEOUT = 10_000;

describe("raw HTML of pathological shapes is read in linear time", () => {
  const attributeNamesWithLt = "<div" + " b<a".repeat(80_000);

  test("`<div` + 80,000 × ` b<a`: the sanitizer escapes it all", () => {
    const removed: { what: string }[] = [];
    const out = sanitizeHtml(attributeNamesWithLt, removed);
    expect(out).toBe(attributeNamesWithLt.replace(/</g, "&lt;"));
    expect(removed).toEqual([]);
  }, LINEAR_TIMEOUT);

  test("`<div` + 80,000 × ` b<a`: the check finds no tag", () => {
    expect(htmlTags(attributeNamesWithLt)).toEqual([]);
  }, LINEAR_TIMEOUT);

  test("400,000 unclosed `<!--`", () => {
    const comments = "<!--".repeat(400_000) + "<b>";
    expect(sanitizeHtml(comments)).toBe("&lt;!--".repeat(400_000) + "<b>");
    expect(htmlTags(comments).map((t) => t.name)).toEqual(["b"]);
  }, LINEAR_TIMEOUT);

  test("200,000 comments that each close", () => {
    const comments = "<!-- x -->".repeat(200_000) + "<i>";
    expect(sanitizeHtml(comments)).toBe("<i>");
    expect(htmlTags(comments).map((t) => t.name)).toEqual(["i"]);
  }, LINEAR_TIMEOUT);

  test("one tag with 100,000 attributes and no `>`", () => {
    const open = "<div" + " a=b".repeat(100_000);
    expect(htmlTags(open)).toEqual([]);
    expect(sanitizeHtml(open + ">", [])).toBe("<div>");
  }, LINEAR_TIMEOUT);
});
