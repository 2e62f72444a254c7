/**
 * What ComfyUI itself provides. Files saved by recent ComfyUI mark core nodes with
 * `properties.cnr_id: "comfy-core"`; older files and the API format do not, so this list
 * tells core nodes from custom ones there, and gives the title ComfyUI shows for a node
 * that was not renamed (from NODE_DISPLAY_NAME_MAPPINGS in ComfyUI's nodes.py).
 */

/** Core node class → the title ComfyUI shows, where it differs from the class name. */
export const CORE_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  KSamplerAdvanced: "KSampler (Advanced)",
  CheckpointLoader: "Load Checkpoint With Config (DEPRECATED)",
  CheckpointLoaderSimple: "Load Checkpoint",
  VAELoader: "Load VAE",
  LoraLoader: "Load LoRA",
  CLIPLoader: "Load CLIP",
  ControlNetLoader: "Load ControlNet Model",
  DiffControlNetLoader: "Load ControlNet Model (diff)",
  StyleModelLoader: "Load Style Model",
  CLIPVisionLoader: "Load CLIP Vision",
  UpscaleModelLoader: "Load Upscale Model",
  UNETLoader: "Load Diffusion Model",
  CLIPVisionEncode: "CLIP Vision Encode",
  StyleModelApply: "Apply Style Model",
  CLIPTextEncode: "CLIP Text Encode (Prompt)",
  CLIPSetLastLayer: "CLIP Set Last Layer",
  ConditioningCombine: "Conditioning (Combine)",
  ConditioningAverage: "Conditioning (Average)",
  ConditioningConcat: "Conditioning (Concat)",
  ConditioningSetArea: "Conditioning (Set Area)",
  ConditioningSetAreaPercentage: "Conditioning (Set Area with Percentage)",
  ConditioningSetMask: "Conditioning (Set Mask)",
  ControlNetApply: "Apply ControlNet (OLD)",
  ControlNetApplyAdvanced: "Apply ControlNet",
  VAEEncodeForInpaint: "VAE Encode (for Inpainting)",
  SetLatentNoiseMask: "Set Latent Noise Mask",
  VAEDecode: "VAE Decode",
  VAEEncode: "VAE Encode",
  LatentRotate: "Rotate Latent",
  LatentFlip: "Flip Latent",
  LatentCrop: "Crop Latent",
  EmptyLatentImage: "Empty Latent Image",
  LatentUpscale: "Upscale Latent",
  LatentUpscaleBy: "Upscale Latent By",
  LatentComposite: "Latent Composite",
  LatentBlend: "Latent Blend",
  LatentFromBatch: "Latent From Batch",
  RepeatLatentBatch: "Repeat Latent Batch",
  SaveImage: "Save Image",
  PreviewImage: "Preview Image",
  LoadImage: "Load Image",
  LoadImageMask: "Load Image (as Mask)",
  ImageScale: "Upscale Image",
  ImageScaleBy: "Upscale Image By",
  ImageUpscaleWithModel: "Upscale Image (using Model)",
  ImageInvert: "Invert Image",
  ImagePadForOutpaint: "Pad Image for Outpainting",
  ImageBatch: "Batch Images",
  VAEDecodeTiled: "VAE Decode (Tiled)",
  VAEEncodeTiled: "VAE Encode (Tiled)",
  PrimitiveNode: "Primitive",
  MarkdownNote: "Markdown Note",
};

/** Core node classes whose title is their class name, plus the frontend's own nodes. */
const OTHER_CORE_TYPES = `KSampler CLIPTextEncodeSDXL CLIPTextEncodeSDXLRefiner CLIPTextEncodeFlux
  DualCLIPLoader TripleCLIPLoader QuadrupleCLIPLoader LoraLoaderModelOnly HypernetworkLoader
  unCLIPCheckpointLoader unCLIPConditioning ImageOnlyCheckpointLoader GLIGENLoader GLIGENTextBoxApply
  DiffusersLoader PhotoMakerLoader PhotoMakerEncode ModelPatchLoader InpaintModelConditioning
  ConditioningZeroOut ConditioningSetTimestepRange ConditioningSetAreaStrength LoadLatent SaveLatent
  EmptyImage EmptySD3LatentImage EmptyHunyuanLatentVideo EmptyMochiLatentVideo EmptyLTXVLatentVideo
  FluxGuidance FluxDisableGuidance FluxKontextImageScale ReferenceLatent ModelSamplingFlux
  ModelSamplingSD3 ModelSamplingAuraFlow ModelSamplingDiscrete ModelSamplingContinuousEDM
  ModelSamplingContinuousV ModelSamplingStableCascade RescaleCFG CLIPTextEncodeSD3 ControlNetApplySD3
  SetUnionControlNetType SamplerCustom SamplerCustomAdvanced BasicScheduler KarrasScheduler
  ExponentialScheduler PolyexponentialScheduler LaplaceScheduler VPScheduler BetaSamplingScheduler
  SDTurboScheduler AlignYourStepsScheduler KSamplerSelect SamplerEulerAncestral SamplerLMS
  SamplerDPMPP_2M_SDE SamplerDPMPP_3M_SDE SamplerDPMPP_SDE SamplerDPMPP_2S_Ancestral SplitSigmas
  SplitSigmasDenoise FlipSigmas CFGGuider DualCFGGuider BasicGuider PerpNegGuider RandomNoise
  DisableNoise AddNoise LatentAdd LatentSubtract LatentMultiply LatentInterpolate LatentBatch
  LatentBatchSeedBehavior LatentCompositeMasked ImageCompositeMasked MaskToImage ImageToMask
  ImageColorToMask SolidMask InvertMask CropMask MaskComposite FeatherMask GrowMask ThresholdMask
  ImageCrop RepeatImageBatch ImageFromBatch ImageStitch ImageBlend ImageBlur ImageQuantize
  ImageSharpen ImageScaleToTotalPixels GetImageSize SaveAnimatedWEBP SaveAnimatedPNG Canny FreeU
  FreeU_V2 HyperTile PatchModelAddDownscale SelfAttentionGuidance PerturbedAttentionGuidance
  DifferentialDiffusion TomePatchModel ModelMergeSimple ModelMergeBlocks ModelMergeSubtract
  ModelMergeAdd CheckpointSave CLIPMergeSimple CLIPSave VAESave ModelSave SVD_img2vid_Conditioning
  VideoLinearCFGGuidance StableZero123_Conditioning InstructPixToPixConditioning
  ControlNetInpaintingAliMamaApply WanImageToVideo TextEncodeQwenImageEdit EmptyLatentAudio
  VAEEncodeAudio VAEDecodeAudio SaveAudio LoadAudio PreviewAudio PrimitiveString
  PrimitiveStringMultiline PrimitiveInt PrimitiveFloat PrimitiveBoolean StringConcatenate
  Reroute Note`.split(/\s+/);

const CORE_TYPES: ReadonlySet<string> = new Set([...Object.keys(CORE_DISPLAY_NAMES), ...OTHER_CORE_TYPES]);

/** True for node classes that ship with ComfyUI (and the frontend's Reroute, Note, Primitive). */
export function isCoreNodeType(type: string): boolean {
  return CORE_TYPES.has(type);
}

/** The title ComfyUI shows for a node of this class that the author did not rename. */
export function defaultTitle(type: string): string {
  return CORE_DISPLAY_NAMES[type] ?? type;
}
