/**
 * "Perangkat bersama": on a shared phone (a BKPSDM office's tablet, a family phone) the next person
 * must not find the previous one's documents in the offline cache. Signed out without the choice,
 * the cache stays for the next visit (that is its purpose); with it, the cache is gone.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/metro2021.js";
import { phoneContext } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";

const demo = useDemoSite();

const cacheDatabases = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name ?? "").filter((name) => name.startsWith("firestore/")),
  );

async function signInAndOut(page: Page, shared: boolean): Promise<void> {
  await page.goto(`${demo.site}/masuk`);
  await page.getByLabel("Email").fill("pansel@metrokota.demo");
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  if (shared) await page.getByRole("checkbox", { name: /Perangkat bersama/ }).check();
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${demo.site}/pansel`);
  // The pansel's list is live: it has been written to the offline cache once it shows.
  await expect.poll(() => page.locator(".card__title").count()).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect.poll(() => new URL(page.url()).pathname).not.toBe("/pansel");
}

describe("shared device", () => {
  it("keeps the offline cache after sign-out on a personal phone, and clears it on a shared one", async () => {
    const page = await (await phoneContext(demo.browser)).newPage();

    await signInAndOut(page, false);
    expect(await cacheDatabases(page)).not.toEqual([]);

    await signInAndOut(page, true);
    await expect.poll(() => cacheDatabases(page)).toEqual([]);
  });
});
