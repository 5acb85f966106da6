/** Signing in on a phone with a demo account, as the browser tests do before anything else. */
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../seed/metro2021.js";
import { emulatorUrl } from "./emulators.js";

/** Signs in through the PWA's form and waits for the account's home page. */
export async function signIn(page: Page, email: string, home: string): Promise<void> {
  const site = await emulatorUrl("hosting");
  await page.goto(`${site}/masuk`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${site}${home}`, { timeout: 15_000 }).catch(async (error: unknown) => {
    // Say where the page went instead, and what it shows: a timeout alone explains nothing.
    throw new Error(
      `${email} did not reach ${home}: at ${page.url()}, showing "${await page.locator("main").innerText()}"`,
      { cause: error },
    );
  });
}
