/**
 * What every browser test starts from: the Kota Metro demo seeded into the emulators, the built PWA
 * served by the Hosting emulator, and one Debian Chromium. Call useDemoSite() at the top of a test
 * file; its fields are ready inside the tests.
 */
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Browser } from "playwright-core";
import { emulatorUrl } from "./emulators.js";
import { cspViolations, launchChromium } from "./browser.js";

export interface DemoSite {
  /** The hosting emulator's base URL, e.g. http://127.0.0.1:5100. */
  readonly site: string;
  readonly browser: Browser;
}

export function useDemoSite(): DemoSite {
  const demo: { site: string; browser: Browser | undefined } = { site: "", browser: undefined };
  beforeAll(async () => {
    // The seed writes through the Admin SDK, into the functions' project.
    process.env["GCLOUD_PROJECT"] ??= "demo-seleksi";
    const { seedDemo } = await import("../../seed/seed.js");
    await seedDemo();
    demo.site = await emulatorUrl("hosting");
    demo.browser = await launchChromium();
  });
  // Every page of every browser test runs under the site's Content-Security-Policy: none may break it.
  afterEach(() => {
    expect(cspViolations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await demo.browser?.close();
  });
  return {
    get site() {
      return demo.site;
    },
    get browser() {
      if (!demo.browser) throw new Error("the browser starts in beforeAll: use it inside a test");
      return demo.browser;
    },
  };
}
