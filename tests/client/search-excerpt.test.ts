import { describe, expect, test } from "vitest";
import { buildExcerpt, excerptStart } from "../../src/client/search-excerpt.ts";
import { toHit } from "../../src/client/search-results.ts";

// The seed page's text as Pagefind indexes it (content), around the trigger-word list.
const JA =
  "LoRA. Stable Diffusion 1.5でのLoRA. LoRAとは？ 「モデルが元々描けなかったものも描けるようにしたい！」と思ったとき、従来はモデル全体をファインチューニングする必要がありました。 " +
  "LoRA を適用しただけで、内部的にはドット絵を描く能力がベースモデルに上乗せされています。 ただし、その能力を確実に引き出すには、作者が学習時に使ったワードをプロンプトに含める必要があります。 " +
  "これをトリガーワードと呼びます。今回の LoRA では pixel_art がトリガーワードになっています。";
const EN =
  "To draw reliably, the prompt has to contain the word the author used during training. This is called the trigger word. " +
  "For this LoRA, the trigger word is pixel_art. More text follows here to make the content long enough to be cut at the end.";

const text = (segments: Array<{ text: string }>) => segments.map((s) => s.text).join("");
const marks = (segments: Array<{ text: string; mark: boolean }>) => segments.filter((s) => s.mark).map((s) => s.text);

describe("buildExcerpt", () => {
  test("トリガーワード is marked whole, and the excerpt starts where its sentence does", () => {
    const excerpt = buildExcerpt(JA, "トリガーワード", "ja")!;
    expect(marks(excerpt)).toEqual(["トリガーワード", "トリガーワード"]);
    expect(text(excerpt).startsWith("これを")).toBe(true);
    // Pagefind's own excerpt marked the ワード of 使ったワード: the whole query never matches there.
    expect(text(excerpt)).not.toContain("った");
  });

  test("a list label alone loses to the sentence with more matches", () => {
    const withLabel = JA.replace("LoRA を適用しただけで", "トリガーワード LoRA を適用しただけで");
    const excerpt = buildExcerpt(withLabel, "トリガーワード", "ja")!;
    expect(text(excerpt).startsWith("これを")).toBe(true);
    expect(marks(excerpt)).toHaveLength(2);
  });

  test("a sentence starting too far back: the excerpt starts after a comma, with an ellipsis", () => {
    const excerpt = buildExcerpt(JA, "ファインチューニング", "ja")!;
    expect(text(excerpt)).toMatch(/^…従来はモデル全体をファインチューニング/);
  });

  test("a full stop inside a quotation is not a sentence start", () => {
    expect(excerptStart(JA, JA.indexOf("ファインチューニング"), "ja")).toBe(JA.indexOf("従来"));
  });

  test("with no punctuation near, it starts at a word, never at a particle", () => {
    const long = "あ".repeat(50) + "モデルをファインチューニングする";
    const start = excerptStart(long, long.indexOf("ファイン"), "ja");
    expect(long.slice(start)).toMatch(/^(モデル|ファイン)/);
  });

  test("words of a query found apart are each marked", () => {
    expect(marks(buildExcerpt(JA, "プロンプト 作者", "ja")!)).toEqual(["作者", "プロンプト"]);
  });

  test("an English phrase is marked as one run; a Latin term only at a word start", () => {
    const excerpt = buildExcerpt(EN, "trigger word", "en")!;
    expect(marks(excerpt)).toEqual(["trigger word", "trigger word"]);
    expect(text(excerpt).startsWith("This is called")).toBe(true);
    // It ends at a full stop when one falls in the second half of its length, else with "…".
    expect(text(excerpt).endsWith("the trigger word is pixel_art.")).toBe(true);
    expect(text(buildExcerpt(`a trigger ${"and more ".repeat(30)}`, "trigger", "en")!)).toMatch(/more …$|more…$/);
    expect(marks(buildExcerpt("colour and lo", "lo", "en")!)).toEqual(["lo"]);
    expect(marks(buildExcerpt("Stable Diffusion 1.5でのLoRA", "lora", "ja")!)).toEqual(["LoRA"]);
  });

  test("no word of the query in the text: undefined", () => {
    expect(buildExcerpt(EN, "triggers", "en")).toBeUndefined();
    expect(buildExcerpt(EN, "  ", "en")).toBeUndefined();
  });
});

describe("toHit's excerpt", () => {
  const data = {
    url: "/ja/basic-workflows/sd15-lora/",
    excerpt: "った<mark>ワード</mark>をプロンプトに含める必要があります。 これを<mark>トリガーワード</mark>と呼びます。",
    content: JA,
    meta: { title: "LoRA" },
  };

  test("is cut from the page text around the query", () => {
    const hit = toHit(data, "トリガーワード", "ja");
    expect(text(hit.excerpt).startsWith("これを")).toBe(true);
  });

  test("falls back to the words Pagefind matched (stemming), then to Pagefind's excerpt", () => {
    const stemmed = toHit({ url: "/en/x/", excerpt: "the <mark>trigger</mark> word", content: EN, meta: {} }, "triggers", "en");
    expect(marks(stemmed.excerpt)).toEqual(["trigger", "trigger"]);
    const none = toHit({ url: "/en/x/", excerpt: "Pagefind's <mark>own</mark>", meta: {} }, "own", "en");
    expect(none.excerpt).toEqual([{ text: "Pagefind's ", mark: false }, { text: "own", mark: true }]);
  });
});
