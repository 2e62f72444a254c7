import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Eleventy builds and the browser suite are slow on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
