/** Filler prose in Japanese and English, shaped like the guides (sentences, headings, lists). */
import type { Random } from "./random.ts";

/** The corpus languages; ja is the site's default. */
export type CorpusLang = "ja" | "en";

const JA = {
  subjects: ["LoRA", "ControlNet", "KSampler", "VAE", "テキストエンコーダ", "チェックポイント", "潜在空間", "プロンプト",
    "ノード", "ワークフロー", "アップスケーラー", "マスク", "シード値", "CFGスケール"],
  predicates: ["は画像の見た目を大きく左右します", "を調整すると結果が安定します", "の設定を変えて比較してみましょう",
    "は学習データに強く依存します", "を使うと細部まで描けるようになります", "は最初に読み込む必要があります",
    "の値を下げると元の画像に近づきます", "を組み合わせることで表現の幅が広がります"],
  connectors: ["まず、", "次に、", "ただし、", "そのため、", "実際には、", "基本的には、", ""],
  headings: ["とは？", "の基本", "を使ったワークフロー", "の設定", "のコツ", "と他の手法の比較", "の注意点", "の応用"],
};
const EN = {
  subjects: ["A LoRA", "ControlNet", "The KSampler", "The VAE", "The text encoder", "The checkpoint", "Latent space",
    "The prompt", "Each node", "The workflow", "An upscaler", "The mask", "The seed", "The CFG scale"],
  predicates: ["shapes the look of the image", "keeps results stable when tuned", "is worth comparing across settings",
    "depends heavily on its training data", "brings out fine detail", "has to be loaded first",
    "stays closer to the source image at lower values", "widens what you can express when combined"],
  connectors: ["First, ", "Next, ", "However, ", "So ", "In practice, ", "Usually, ", ""],
  headings: [" explained", " basics", " in a workflow", " settings", " tips", " compared", " pitfalls", " in practice"],
};

function table(lang: CorpusLang) {
  return lang === "ja" ? JA : EN;
}

/** One sentence, ending with the language's full stop. */
export function sentence(r: Random, lang: CorpusLang): string {
  const t = table(lang);
  const subject = r.pick(t.subjects);
  const connector = r.pick(t.connectors);
  const lead = lang === "en" && connector ? subject.charAt(0).toLowerCase() + subject.slice(1) : subject;
  return lang === "ja" ? `${connector}${subject}${r.pick(t.predicates)}。` : `${connector}${lead} ${r.pick(t.predicates)}.`;
}

/** A paragraph of a few sentences (Japanese runs them together, English spaces them). */
export function paragraph(r: Random, lang: CorpusLang, sentences = r.int(2, 5)): string {
  return Array.from({ length: sentences }, () => sentence(r, lang)).join(lang === "ja" ? "" : " ");
}

/** A heading, page or section title: a topic and a suffix, "LoRAの設定", "The VAE settings". */
export function heading(r: Random, lang: CorpusLang): string {
  const t = table(lang);
  return `${r.pick(t.subjects)}${r.pick(t.headings)}`;
}

const CODE_SAMPLES = [
  ["text", "📂ComfyUI/\n  └── 📂models/\n      └── 📂loras/\n          └── PX64NOCAP_epoch_10.safetensors"],
  ["python", "import torch\n\ndef scale(latent, factor=1.5):\n    return torch.nn.functional.interpolate(latent, scale_factor=factor)\n"],
  ["bash", "cd ComfyUI/custom_nodes\ngit clone https://github.com/example/comfyui-nodes.git\npip install -r requirements.txt"],
  ["json", '{\n  "seed": 123456789,\n  "steps": 30,\n  "cfg": 7.0,\n  "sampler_name": "euler_ancestral"\n}'],
] as const;

/** A fenced code block in one of the languages the guides use. */
export function codeFence(r: Random): string {
  const [info, code] = r.pick(CODE_SAMPLES);
  return "```" + info + "\n" + code + "\n```";
}
