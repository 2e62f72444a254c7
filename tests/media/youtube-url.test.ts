import { describe, expect, test } from "vitest";
import { isYouTubeId, parseYouTubeEmbed, parseYouTubeLink, youTubeEmbedUrl, youTubeThumbnailUrl, youTubeWatchUrl } from "../../src/media/youtube-url.ts";

const ID = "dQw4w9WgXcQ";

describe("parseYouTubeEmbed: youtube.com and youtube-nocookie.com /embed/ only", () => {
  test.each([
    [`https://www.youtube.com/embed/${ID}`, { id: ID }],
    [`https://youtube.com/embed/${ID}?si=x&start=42`, { id: ID, start: 42 }],
    [`https://www.youtube-nocookie.com/embed/${ID}/`, { id: ID }],
    [`http://www.youtube.com/embed/${ID}`, { id: ID }],
  ])("%s", (src, video) => expect(parseYouTubeEmbed(src)).toEqual(video));

  test.each([
    `https://www.youtube.com/watch?v=${ID}`,
    `https://evil.example/embed/${ID}`,
    `https://www.youtube.com.evil.example/embed/${ID}`,
    `https://www.youtube.com/embed/short`,
    `https://www.youtube.com/embed/${ID}/extra`,
    `javascript:alert(1)//www.youtube.com/embed/${ID}`,
    `//www.youtube.com/embed/${ID}`,
  ])("%s is refused", (src) => expect(parseYouTubeEmbed(src)).toBeNull());
});

describe("parseYouTubeLink: the forms authors paste", () => {
  test.each([
    [`https://www.youtube.com/watch?v=${ID}`, { id: ID }],
    [`https://m.youtube.com/watch?v=${ID}&t=1m5s`, { id: ID, start: 65 }],
    [`https://youtu.be/${ID}?t=90`, { id: ID, start: 90 }],
    [`https://www.youtube.com/shorts/${ID}`, { id: ID }],
    [`https://www.youtube.com/live/${ID}`, { id: ID }],
    [`https://www.youtube-nocookie.com/embed/${ID}`, { id: ID }],
  ])("%s", (href, video) => expect(parseYouTubeLink(href)).toEqual(video));

  test.each([`https://www.youtube.com/@channel`, `https://www.youtube.com/watch?v=bad`, `https://vimeo.com/1`, "/ja/s/page/"])("%s is not a video", (href) =>
    expect(parseYouTubeLink(href)).toBeNull(),
  );
});

test("the URLs the facade uses", () => {
  expect(youTubeWatchUrl({ id: ID, start: 65 })).toBe(`https://www.youtube.com/watch?v=${ID}&t=65s`);
  expect(youTubeThumbnailUrl({ id: ID })).toBe(`https://i.ytimg.com/vi/${ID}/hqdefault.jpg`);
  expect(youTubeEmbedUrl(ID, 65)).toBe(`https://www.youtube-nocookie.com/embed/${ID}?autoplay=1&start=65`);
  expect(isYouTubeId(ID)).toBe(true);
  expect(isYouTubeId(`${ID}"><script>`)).toBe(false);
});
