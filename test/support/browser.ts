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
      // The tests talk to the emulators on this machine only: any other host name (e.g. the image
      // the Firestore SDK loads to test a dropped connection) resolves to nothing.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

/** Content-Security-Policy violations seen by any phone context; useDemoSite checks it stays empty. */
export const cspViolations: string[] = [];

/** A phone-sized context, Indonesian like most users' phones, that reports every CSP violation. */
export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale: "id-ID", isMobile: true, hasTouch: true });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI}`);
    });
  });
  context.on("console", (message) => {
    const text = message.text();
    if (/securitypolicyviolation|Content Security Policy/i.test(text))
      cspViolations.push(`${message.page()?.url() ?? ""}: ${text}`);
  });
  return context;
}
