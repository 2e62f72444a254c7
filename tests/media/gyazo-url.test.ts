import { describe, expect, test } from "vitest";
import { findGyazoIds, parseGyazoUrl } from "../../src/media/gyazo-url.ts";

const ID = "c2eee3ec1ec36c052a302dc344ff1a69";

describe("parseGyazoUrl", () => {
  test.each([
    [`https://gyazo.com/${ID}`, { id: ID }],
    [`http://gyazo.com/${ID}`, { id: ID }],
    [`https://www.gyazo.com/${ID}/`, { id: ID }],
    [`https://gyazo.com/${ID}?token=abc#x`, { id: ID }],
    [`https://gyazo.com/${ID}/raw`, { id: ID }],
    [`https://gyazo.com/${ID}/max_size/1000`, { id: ID }],
    [`https://i.gyazo.com/${ID}.png`, { id: ID, ext: "png" }],
    [`https://i.gyazo.com/${ID}.jpg`, { id: ID, ext: "jpg" }],
    [`https://i.gyazo.com/${ID}.jpeg`, { id: ID, ext: "jpg" }],
    [`https://i.gyazo.com/${ID}.gif?x=1`, { id: ID, ext: "gif" }],
    [`https://i.gyazo.com/${ID}.mp4`, { id: ID, ext: "mp4" }],
    [`https://i.gyazo.com/${ID}/max_size/400.png`, { id: ID, ext: "png" }],
    [`https://i.gyazo.com/${ID}/max_size/400`, { id: ID }],
    [`https://i.gyazo.com/${ID.toUpperCase()}.PNG`, { id: ID, ext: "png" }],
  ])("%s", (url, ref) => {
    expect(parseGyazoUrl(url)).toEqual({ kind: "gyazo", ref });
  });

  test.each([
    "https://gyazo.com/c2eee3ec",
    `https://gyazo.com/${ID}0`,
    "https://gyazo.com/zzeee3ec1ec36c052a302dc344ff1a69",
    "https://gyazo.com/",
    "https://gyazo.com/captures",
    `https://i.gyazo.com/${ID}.webp`,
    `https://i.gyazo.com/thumb/1000/${ID}-png.jpg`,
  ])("%s is a malformed Gyazo URL", (url) => {
    expect(parseGyazoUrl(url)).toEqual({ kind: "malformed" });
  });

  test.each(["/img/a.png", "a.png", "https://example.com/" + ID, "https://notgyazo.com/" + ID, "ftp://gyazo.com/" + ID, "data:image/png;base64,AA", ""])(
    "%s is not Gyazo",
    (url) => expect(parseGyazoUrl(url)).toEqual({ kind: "other" }),
  );
});

test("findGyazoIds finds every form once, in order, including mediaRow arguments and front matter", () => {
  const text = [
    "hero:",
    `  image: "https://i.gyazo.com/87dc794e1f87940a585696bf82df517d.png"`,
    `![](https://gyazo.com/${ID}){gyazo=image}`,
    `{% mediaRow img="https://gyazo.com/${ID} {gyazo=loop}" %}`,
    "[page](https://gyazo.com/0123456789abcdef0123456789abcdef/max_size/1000)",
    "bad: https://gyazo.com/captures",
    "in code: `https://i.gyazo.com/fedcba9876543210fedcba9876543210.mp4`",
  ].join("\n");
  expect(findGyazoIds(text)).toEqual(["87dc794e1f87940a585696bf82df517d", ID, "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"]);
});
