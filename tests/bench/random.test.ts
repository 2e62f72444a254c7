import { describe, expect, test } from "vitest";
import { createRandom } from "../../bench/random.ts";

describe("createRandom", () => {
  test("repeats its stream for the same seed and not for another", () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  test("draws within bounds", () => {
    const r = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      expect(r.next()).toBeLessThan(1);
    }
    expect(new Set(Array.from({ length: 200 }, () => r.int(3, 5)))).toEqual(new Set([3, 4, 5]));
  });

  test("hex ids look like Gyazo's", () => {
    expect(createRandom(9).hex(32)).toMatch(/^[0-9a-f]{32}$/);
  });

  test("pick refuses an empty list", () => {
    expect(() => createRandom(1).pick([])).toThrow(/empty/);
  });
});
