/**
 * The folders under `ComfyUI/models/` a model file may be told to go in. A workflow's
 * `directory` metadata is shown to readers as an install instruction, so only names
 * ComfyUI (folder_paths.py) or a widely used custom node pack reads are accepted: a value
 * such as `../custom_nodes/evil` must never reach the page.
 */

/** Folders ComfyUI itself registers, with the older names it still reads. */
const CORE_FOLDERS = [
  "checkpoints", "configs", "loras", "vae", "vae_approx", "text_encoders", "clip", "diffusion_models", "unet",
  "clip_vision", "style_models", "embeddings", "diffusers", "controlnet", "t2i_adapter", "gligen",
  "upscale_models", "latent_upscale_models", "hypernetworks", "photomaker", "classifiers", "model_patches",
  "audio_encoders",
];

/** Folders of widely used custom node packs (IPAdapter, Impact, AnimateDiff, ReActor, …). */
const PACK_FOLDERS = [
  "ipadapter", "instantid", "insightface", "ultralytics", "sams", "animatediff_models", "animatediff_motion_lora",
  "facerestore_models", "pulid", "LLM", "onnx", "inpaint", "xlabs", "reactor", "liveportrait", "mmdets",
  "grounding-dino", "depthanything", "BiRefNet",
];

const KNOWN = new Set([...CORE_FOLDERS, ...PACK_FOLDERS]);

/** A sub-folder name: letters, digits, `_ . -`, not `.` or `..`. */
const SUB_FOLDER = /^(?!\.\.?$)[A-Za-z0-9_.-]{1,64}$/;

/** The folder's older name, which ComfyUI still reads. */
export const LEGACY_FOLDERS: Readonly<Record<string, string>> = { text_encoders: "clip", diffusion_models: "unet" };

/** Whether `directory` is a known models folder (`ultralytics/bbox`: a known folder's sub-folder). */
export function isKnownModelFolder(directory: string): boolean {
  const [first, ...rest] = directory.split("/");
  return KNOWN.has(first!) && rest.length <= 2 && rest.every((s) => SUB_FOLDER.test(s));
}

/** The known folder names, for messages. */
export function knownFolderHint(): string {
  return `${CORE_FOLDERS.slice(0, 12).join(", ")}, …`;
}
