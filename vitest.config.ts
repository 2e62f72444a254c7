import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Eleventy builds and the browser suite are slow on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A temporary folder per test file, removed after it (tests/temp-folder.ts).
    setupFiles: ["tests/temp-folder.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: [...configDefaults.exclude, "tests/browser/**", "tests/bench/**"] },
      },
      {
        // The benchmark (bench/) is a tool, not the product: its tests, the smoke run included, are their own project.
        extends: true,
        test: { name: "bench", include: ["tests/bench/**/*.test.ts"] },
      },
      {
        // One build, one server and one Chromium for all browser files (tests/browser/global-setup.ts);
        // the files take turns so they do not fight over the 2 cores.
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/global-setup.ts"],
          fileParallelism: false,
        },
      },
    ],
  },
});
