/** Keyboard decisions shared by the search dialog and the lightbox, free of the DOM. */

/** The parts of a KeyboardEvent the decisions look at. */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
  keyCode?: number;
}

/** The parts of an event target that tell whether the reader is typing into it. */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"]);

/** True when keys pressed on `target` are text, so single-key shortcuts must stay out of the way. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  return tag === "input" && !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
}

/**
 * True while an IME is composing (Japanese input): Enter then confirms a conversion and
 * arrows pick candidates. Safari reports keyCode 229 without `isComposing` on the last key.
 */
export function isComposing(event: KeyLike): boolean {
  return event.isComposing === true || event.keyCode === 229;
}

/** `/` outside a text field, or Ctrl+K / Cmd+K anywhere, opens search. */
export function isSearchShortcut(event: KeyLike, typing: boolean): boolean {
  if (isComposing(event) || event.altKey) return false;
  if (event.ctrlKey || event.metaKey) return event.key.toLowerCase() === "k";
  return event.key === "/" && !typing;
}

/** `index` wrapped into 0…length-1, so stepping past either end comes round. */
export function wrapIndex(index: number, length: number): number {
  return length > 0 ? ((index % length) + length) % length : 0;
}

/**
 * Moves through a search field (position -1) and `count` results, wrapping both ways:
 * ArrowDown from the field goes to the first result, ArrowUp from it to the last.
 */
export function stepResult(current: number, delta: number, count: number): number {
  return wrapIndex(current + 1 + delta, count + 1) - 1;
}

/**
 * Tab inside a modal dialog (APG dialog pattern): from the last control Tab goes to the
 * first, from the first Shift+Tab goes to the last; focus on no control (the dialog
 * itself, -1) enters at either end. Returns the index to focus, or undefined when the
 * browser's own move stays inside.
 */
export function wrapFocus(current: number, count: number, backwards: boolean): number | undefined {
  if (count === 0) return undefined;
  if (backwards) return current <= 0 ? count - 1 : undefined;
  return current === -1 || current === count - 1 ? 0 : undefined;
}
