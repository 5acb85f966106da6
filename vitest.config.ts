import { defineConfig } from "vitest/config";

// One run, three kinds of test, named by what they need (see README, "Tests"):
//   *.test.ts           pure, no emulator, milliseconds
//   *.emulator.test.ts  the Firebase emulators (rules, functions)
//   *.e2e.test.ts       the built PWA in Chromium against the emulators
const EMULATOR = "**/*.emulator.test.ts";
const E2E = "**/*.e2e.test.ts";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["functions/src/**/*.test.ts", "web/src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/node_modules/**", EMULATOR, E2E],
        },
      },
      {
        test: {
          name: "emulator",
          include: ["test/**/*.emulator.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/**/*.e2e.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
