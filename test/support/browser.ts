/**
 * Debian's Chromium driven by playwright-core: headless, no sandbox (CI runs as root), and no
 * background networking, which this machine's closed network would refuse many times over.
 */
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { findChromium } from "../../scripts/lib/chromium.mjs";

export const PHONE = { width: 360, height: 740 } as const;
export const SCREENSHOTS = join(import.meta.dirname, "..", "..", ".cache", "screenshots");

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env["CHROMIUM_PATH"] ?? findChromium();
  if (!executablePath) throw new Error("Chromium not found: run the tests through 'npm test', which installs it");
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A phone-sized context, Indonesian like most users' phones. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, locale: "id-ID", isMobile: true, hasTouch: true });
}
