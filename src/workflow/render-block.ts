/**
 * HTML of a workflow block (DOM contract in the working notes): file name, node count,
 * Copy (revealed and run by the client script, only for files ComfyUI's paste takes) and
 * Download, a line saying the file and preview can be dragged onto ComfyUI, the preview
 * linking to the full-size SVG (folded when the block follows a screenshot), and "what you
 * need". The JSON itself is never inlined: Copy fetches it on click.
 */
import { t } from "../i18n/t.ts";
import type { PackNeed } from "./custom-node-packs.ts";
import type { ModelNeed } from "./model-requirements.ts";
import { modelTreeLines } from "./model-tree.ts";
import type { WorkflowRef } from "./workflow-paths.ts";
import type { LoadedWorkflow } from "./workflow-store.ts";

/** What a block is rendered from. */
export interface BlockInput {
  ref: WorkflowRef;
  loaded: LoadedWorkflow;
  lang: string;
  /** The link text, rendered as inline HTML; empty for `[](…)`. */
  captionHtml: string;
  /** markdown-it's `escapeHtml`. */
  escape: (text: string) => string;
  /** Whether the preview starts folded: the block follows a screenshot of the graph. */
  folded?: boolean;
}

type Escape = BlockInput["escape"];

/** Up to this many entries, "what you need" is open by default. */
const OPEN_LIMIT = 6;

function code(text: string, escape: Escape): string {
  return `<code>${escape(text)}</code>`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function modelItem(need: ModelNeed, lang: string, escape: Escape): string {
  const name = code(need.file, escape);
  let extra = "";
  if (need.url) {
    extra += ` <a class="workflow-need-download" href="${escape(need.url)}">${escape(t(lang, "workflow.downloadFrom", { host: hostOf(need.url) }))}</a>`;
  }
  if (need.hash) {
    const label = (need.hashType ?? "hash").toUpperCase();
    extra += ` <span class="workflow-need-hash">${escape(label)} <code title="${escape(need.hash)}">${escape(need.hash.slice(0, 12))}…</code></span>`;
  }
  const nodes = need.nodes.length ? ` <span class="workflow-need-nodes">${escape(t(lang, "workflow.loadedBy", { nodes: need.nodes.join(", ") }))}</span>` : "";
  if (!need.folder) return `<li>${t(lang, "workflow.folderUnknown", { file: name })}${extra}${nodes}</li>`;
  const legacy = need.legacyFolder
    ? ` <span class="workflow-need-legacy">${t(lang, "workflow.legacyFolder", { folder: code(`ComfyUI/models/${need.legacyFolder}/`, escape) })}</span>`
    : "";
  return `<li>${t(lang, "workflow.modelPlacement", { file: name, folder: code(`ComfyUI/models/${need.folder}/`, escape) })}${legacy}${extra}${nodes}</li>`;
}

function packItem(pack: PackNeed, lang: string, escape: Escape): string {
  const types = escape(pack.nodeTypes.join(", "));
  if (!pack.id) return `<li>${t(lang, "workflow.packUnrecorded", { nodes: types })}</li>`;
  const id = pack.url ? `<a href="${escape(pack.url)}">${code(pack.id, escape)}</a>` : code(pack.id, escape);
  // aux_id packs record a git commit as their version: the short hash is enough to find it.
  const version = pack.version ? ` <span class="workflow-pack-version">${escape(/^[0-9a-f]{40}$/i.test(pack.version) ? pack.version.slice(0, 7) : pack.version)}</span>` : "";
  return `<li>${t(lang, "workflow.packNodes", { pack: id + version, nodes: types })}</li>`;
}

function needsList(loaded: LoadedWorkflow, lang: string, escape: Escape): string {
  const { models, packs } = loaded;
  const open = models.length + packs.length <= OPEN_LIMIT ? " open" : "";
  let html = `<details class="workflow-needs"${open}>\n<summary>${escape(t(lang, "workflow.needs"))}</summary>\n`;
  if (models.length === 0 && packs.length === 0) html += `<p>${escape(t(lang, "workflow.noNeeds"))}</p>\n`;
  if (models.length) {
    html += `<p class="workflow-needs-title">${escape(t(lang, "workflow.models"))}</p>\n`;
    const tree = modelTreeLines(models);
    // Focusable: on a phone the tree scrolls sideways, and keyboard users must reach it (axe scrollable-region-focusable).
    if (tree.length) html += `<pre class="workflow-tree" tabindex="0" aria-label="${escape(t(lang, "workflow.treeLabel"))}"><code>${tree.map(escape).join("\n")}</code></pre>\n`;
    html += `<ul class="workflow-models">\n${models.map((m) => modelItem(m, lang, escape) + "\n").join("")}</ul>\n`;
  }
  if (packs.length) {
    html += `<p class="workflow-needs-title">${escape(t(lang, "workflow.customNodes"))}</p>\n<ul class="workflow-packs">\n`;
    html += packs.map((p) => packItem(p, lang, escape) + "\n").join("") + "</ul>\n";
  }
  return html + "</details>\n";
}

function preview({ ref, loaded, lang, escape, folded }: BlockInput): string {
  if (!loaded.preview) return "";
  const { width, height, simplified } = loaded.preview;
  const file = ref.fileName;
  const image =
    `<a class="workflow-preview" href="${escape(ref.previewHref)}"><img src="${escape(ref.previewHref)}" width="${width}" height="${height}" alt="${escape(t(lang, "workflow.previewAlt", { file }))}" loading="lazy" decoding="async"></a>\n` +
    (simplified ? `<p class="workflow-note">${escape(t(lang, "workflow.previewSimplified"))}</p>\n` : "");
  if (!folded) return image;
  return `<details class="workflow-preview-fold">\n<summary>${escape(t(lang, "workflow.showPreview"))}</summary>\n${image}</details>\n`;
}

/** The block's HTML. */
export function renderWorkflowBlock(input: BlockInput): string {
  const { ref, loaded, lang, captionHtml, escape } = input;
  const file = ref.fileName;
  const count = loaded.nodeCount === 1 ? t(lang, "workflow.nodeCountOne") : t(lang, "workflow.nodeCount", { count: loaded.nodeCount });
  const copy = loaded.pasteable
    ? `<button type="button" class="workflow-copy" data-workflow-copy hidden aria-label="${escape(t(lang, "workflow.copyLabel", { file }))}">${escape(t(lang, "workflow.copy"))}</button>`
    : "";
  const hint = !loaded.preview ? t(lang, "workflow.imageHint") : loaded.pasteable ? t(lang, "workflow.dragHint") : t(lang, "workflow.noPasteHint");
  return (
    `<section class="workflow-block${loaded.preview ? "" : " workflow-image-block"}" data-workflow-src="${escape(ref.href)}">\n` +
    `<div class="workflow-header">\n` +
    `<p class="workflow-title"><span class="workflow-label">${escape(t(lang, "workflow.label"))}</span> <code class="workflow-file">${escape(file)}</code> <span class="workflow-count">${escape(count)}</span></p>\n` +
    `<div class="workflow-actions">${copy}` +
    `<a class="workflow-download" href="${escape(ref.href)}" download="${escape(file)}" aria-label="${escape(t(lang, "workflow.downloadLabel", { file }))}">${escape(t(lang, "workflow.download"))}</a>` +
    `<span class="workflow-copy-status" role="status" aria-live="polite"></span></div>\n` +
    `</div>\n` +
    `<p class="workflow-hint">${escape(hint)}</p>\n` +
    (captionHtml ? `<p class="workflow-caption">${captionHtml}</p>\n` : "") +
    preview(input) +
    needsList(loaded, lang, escape) +
    `</section>\n`
  );
}
