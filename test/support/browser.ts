/**
 * Debian's Chromium driven by playwright-core: headless, no sandbox (CI runs as root), and no
 * background networking, which this machine's closed network would refuse many times over.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
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
export async function phoneContext(
  browser: Browser,
  viewport: { width: number; height: number } = PHONE,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: "id-ID", isMobile: true, hasTouch: true });
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

/** Slow mobile data as candidates in the regions have it: 400 kbps each way, 400 ms latency. */
export const SLOW_3G = { latencyMs: 400, downKbps: 400, upKbps: 400 } as const;

export interface Link {
  readonly latencyMs: number;
  readonly downKbps: number;
  readonly upKbps: number;
}

/**
 * Puts the page on `link` (Chromium's network emulation) and counts the bytes it receives, so a test
 * can show the link was in force. Playwright's setOffline(false) lifts any emulation: call `apply`
 * again after it.
 */
export async function throttle(
  page: Page,
  link: Link,
): Promise<{ apply(): Promise<void>; lift(): Promise<void>; receivedBytes(): number }> {
  const cdp = await page.context().newCDPSession(page);
  let received = 0;
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (received += e.encodedDataLength));
  await cdp.send("Network.enable");
  const send = async (l: Link | null) => {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: l?.latencyMs ?? 0,
      downloadThroughput: l ? (l.downKbps * 1024) / 8 : -1,
      uploadThroughput: l ? (l.upKbps * 1024) / 8 : -1,
    });
  };
  await send(link);
  return { apply: () => send(link), lift: () => send(null), receivedBytes: () => received };
}

/** A pansel member's tablet: a 10-inch Android tablet held upright; CSP violations reported too. */
export async function tabletContext(browser: Browser): Promise<BrowserContext> {
  return phoneContext(browser, { width: 800, height: 1280 });
}
