/** Link colours by ComfyUI type, as in ComfyUI's default dark palette, so previews look familiar. */

/** ComfyUI type → link and socket colour (palette "dark", `node_slot`). */
export const LINK_COLORS: Readonly<Record<string, string>> = {
  CLIP: "#FFD500",
  CLIP_VISION: "#A8DADC",
  CLIP_VISION_OUTPUT: "#ad7452",
  CONDITIONING: "#FFA931",
  CONTROL_NET: "#6EE7B7",
  IMAGE: "#64B5F6",
  LATENT: "#FF9CF9",
  MASK: "#81C784",
  MODEL: "#B39DDB",
  STYLE_MODEL: "#C2FFAE",
  VAE: "#FF6E6E",
  NOISE: "#B0B0B0",
  GUIDER: "#66FFFF",
  SAMPLER: "#ECB4B4",
  SIGMAS: "#CDFFCD",
  TAESD: "#DCC274",
};

/** Colour of links whose type has no colour of its own (LiteGraph's default link colour). */
export const DEFAULT_LINK_COLOR = "#9A9A9A";

/** The colour to draw a link or socket of `type` with. */
export function linkColor(type: string): string {
  return LINK_COLORS[type] ?? DEFAULT_LINK_COLOR;
}

// Core input names and the type they take; the API format records no types at all.
const INPUT_TYPES: Readonly<Record<string, string>> = {
  model: "MODEL",
  clip: "CLIP",
  vae: "VAE",
  positive: "CONDITIONING",
  negative: "CONDITIONING",
  conditioning: "CONDITIONING",
  latent_image: "LATENT",
  samples: "LATENT",
  latent: "LATENT",
  image: "IMAGE",
  images: "IMAGE",
  pixels: "IMAGE",
  mask: "MASK",
  control_net: "CONTROL_NET",
  clip_vision: "CLIP_VISION",
  clip_vision_output: "CLIP_VISION_OUTPUT",
  style_model: "STYLE_MODEL",
  upscale_model: "UPSCALE_MODEL",
  noise: "NOISE",
  guider: "GUIDER",
  sampler: "SAMPLER",
  sigmas: "SIGMAS",
};

/**
 * The type an API-format input most likely carries, from its name (`conditioning_to`,
 * `image1` → their base name); `*` when the name says nothing.
 */
export function typeFromInputName(name: string): string {
  const lower = name.toLowerCase();
  return INPUT_TYPES[lower] ?? INPUT_TYPES[baseName(lower)] ?? "*";
}

/**
 * The name without one trailing `_to`, `_from`, `_<digits>` or `<digits>`. A scan from
 * the end, not a regular expression: `\d+$` is tried from every digit of a long run of
 * digits, quadratic in its length.
 */
function baseName(lower: string): string {
  let end = lower.length;
  while (end > 0 && lower.charCodeAt(end - 1) >= 48 && lower.charCodeAt(end - 1) <= 57) end--;
  if (end < lower.length) return lower.slice(0, lower[end - 1] === "_" ? end - 1 : end);
  for (const suffix of ["_from", "_to"]) if (lower.endsWith(suffix)) return lower.slice(0, -suffix.length);
  return lower;
}
