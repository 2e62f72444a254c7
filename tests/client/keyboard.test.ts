import { describe, expect, test } from "vitest";
import { isComposing, isSearchShortcut, isTypingTarget, stepResult, wrapFocus, wrapIndex } from "../../src/client/keyboard.ts";

describe("isSearchShortcut", () => {
  test.each([
    [{ key: "/" }, false, true],
    [{ key: "/" }, true, false],
    [{ key: "k", ctrlKey: true }, false, true],
    [{ key: "k", metaKey: true }, true, true],
    [{ key: "K", ctrlKey: true }, true, true],
    [{ key: "k" }, false, false],
    [{ key: "/", ctrlKey: true }, false, false],
    [{ key: "k", ctrlKey: true, altKey: true }, false, false],
    [{ key: "/", isComposing: true }, false, false],
    [{ key: "/", keyCode: 229 }, false, false],
  ])("%o (typing: %s) → %s", (event, typing, expected) => {
    expect(isSearchShortcut(event, typing)).toBe(expected);
  });
});

describe("isTypingTarget", () => {
  test.each([
    [{ tagName: "INPUT", type: "search" }, true],
    [{ tagName: "INPUT" }, true],
    [{ tagName: "INPUT", type: "checkbox" }, false],
    [{ tagName: "INPUT", type: "button" }, false],
    [{ tagName: "TEXTAREA" }, true],
    [{ tagName: "SELECT" }, true],
    [{ tagName: "DIV", isContentEditable: true }, true],
    [{ tagName: "A" }, false],
    [{ tagName: "BODY" }, false],
    [null, false],
  ])("%o → %s", (target, expected) => expect(isTypingTarget(target)).toBe(expected));
});

describe("isComposing", () => {
  test("an IME composition owns Enter and the arrows", () => {
    expect(isComposing({ key: "Enter", isComposing: true })).toBe(true);
    expect(isComposing({ key: "Enter", keyCode: 229 })).toBe(true);
    expect(isComposing({ key: "Enter", keyCode: 13 })).toBe(false);
  });
});

describe("wrapIndex", () => {
  test.each([
    [0, 3, 0],
    [3, 3, 0],
    [-1, 3, 2],
    [5, 3, 2],
    [0, 0, 0],
  ])("%i in %i → %i", (index, length, expected) => expect(wrapIndex(index, length)).toBe(expected));
});

describe("stepResult: the field is -1, results 0…count-1", () => {
  test.each([
    [-1, 1, 3, 0], // ArrowDown from the field: first result
    [0, 1, 3, 1],
    [2, 1, 3, -1], // past the last: back to the field
    [-1, -1, 3, 2], // ArrowUp from the field: last result
    [0, -1, 3, -1],
    [-1, 1, 0, -1], // no results: stay in the field
  ])("from %i by %i with %i results → %i", (current, delta, count, expected) => {
    expect(stepResult(current, delta, count)).toBe(expected);
  });
});

describe("wrapFocus: Tab stays inside a modal", () => {
  test.each([
    [3, 4, false, 0], // Tab on the last control: first
    [0, 4, true, 3], // Shift+Tab on the first: last
    [1, 4, false, undefined], // in the middle the browser moves focus itself
    [2, 4, true, undefined],
    [-1, 4, false, 0], // focus on the dialog itself
    [-1, 4, true, 3],
    [0, 1, false, 0], // a single control keeps focus
    [0, 0, false, undefined],
  ])("at %i of %i (backwards: %s) → %s", (current, count, backwards, expected) => {
    expect(wrapFocus(current, count, backwards)).toBe(expected);
  });
});
