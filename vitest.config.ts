import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One run, three kinds of test, named by what they need (see README, "Tests"):
//   *.test.ts           pure, no emulator, milliseconds
//   *.emulator.test.ts  the Firebase emulators (rules, functions)
//   *.e2e.test.ts       the built PWA in Chromium against the emulators
const EMULATOR = "**/*.emulator.test.ts";
const E2E = "**/*.e2e.test.ts";

export default defineConfig({
  // The web app's name for the domain core, so web tests import it as the screens do.
  resolve: { alias: { "@domain": fileURLToPath(new URL("./functions/src/domain", import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["functions/src/**/*.test.ts", "web/src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/node_modules/**", EMULATOR, E2E],
        },
      },
      {
        extends: true,
        test: {
          name: "emulator",
          sequence: { groupOrder: 1 },
          include: ["test/**/*.emulator.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          // After the emulator tests: they share the functions' project with the browser tests.
          sequence: { groupOrder: 2 },
          include: ["test/**/*.e2e.test.ts"],
          // A callable's first call starts its function in the emulator: seconds, not milliseconds.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
