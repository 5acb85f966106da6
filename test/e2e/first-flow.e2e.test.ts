/**
 * The walking skeleton end to end, on a 360 px phone: the built PWA served by the Hosting emulator,
 * Auth, Firestore and Functions behind it, the Kota Metro demo seeded.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CANDIDATES, DEMO_PASSWORD, SELECTIONS, STAFF, TODAY } from "../../seed/metro2021.js";
import { CLOSING_SELECTION_ID } from "../../seed/closing.js";
import { SCORING_SELECTION_ID } from "../../seed/scoring.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { verifyEmail } from "../support/signup.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
// The demo selection whose registration is open on the day the seed runs (Metro is at its result).
const OPEN_ID = "pontianak-2024-jpt";
const OPEN = TODAY.selections[OPEN_ID]!;

const demo = useDemoSite();

/** The built files that carry Firebase, from the build manifest. */
function firebaseChunks(): string[] {
  const manifest = JSON.parse(
    readFileSync(join(import.meta.dirname, "..", "..", "web", "dist", ".vite", "manifest.json"), "utf8"),
  ) as Record<string, { file: string; imports?: string[]; isDynamicEntry?: boolean }>;
  const entryFiles = new Set<string>();
  const collect = (key: string, into: Set<string>) => {
    const entry = manifest[key];
    if (!entry || into.has(entry.file)) return;
    into.add(entry.file);
    for (const k of entry.imports ?? []) collect(k, into);
  };
  collect("index.html", entryFiles);
  const firebase = new Set<string>();
  // Every lazily loaded data module (publicData, auth, live, callables, …) and what it imports. The
  // bundler may make a module many others import (live) a shared chunk rather than an entry of its own:
  // it is then among what the entries import, and must be blocked all the same.
  const dataModules = Object.keys(manifest).filter((k) => k.startsWith("src/data/") && manifest[k]!.isDynamicEntry);
  expect(dataModules).toEqual(expect.arrayContaining(["src/data/publicData.ts", "src/data/auth.ts"]));
  for (const key of dataModules) collect(key, firebase);
  expect([...firebase].some((f) => /\/live-[^/]+\.js$/.test(f))).toBe(true);
  return [...firebase].filter((f) => !entryFiles.has(f));
}

/** A NIP no other test uses: born 1 Jan 1980, in service since Jan 2005, sequence from the clock. */
function freshNip(): string {
  const sequence = String(100 + (Date.now() % 900)).padStart(3, "0");
  return `19800101200501${Date.now() % 2 === 0 ? "1" : "2"}${sequence}`;
}

describe("first flow", () => {
  it("paints the public page before any Firebase code arrives", async () => {
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    const blocked = firebaseChunks();
    expect(blocked.length).toBeGreaterThan(0);
    await page.route("**/assets/**", (route) =>
      blocked.some((f) => route.request().url().endsWith(f)) ? route.abort() : route.continue(),
    );
    await page.goto(demo.site);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Seleksi terbuka yang diumumkan");
    await context.close();
  });

  it("shows a shared selection link's announcement before any script runs, then keeps it", async () => {
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await page.route("**/assets/**", (route) => route.abort());
    await page.goto(`${demo.site}/seleksi/metro-2021-jpt`);
    expect(await page.locator("h1").textContent()).toBe(METRO.title);
    expect(await page.locator("li.post strong").allTextContents()).toEqual(METRO.posts.map((p) => p.name));

    // With its scripts, the app takes over the same page without reading it again.
    const live = await context.newPage();
    await live.goto(`${demo.site}/seleksi/metro-2021-jpt`);
    await expect
      .poll(() => live.evaluate(() => document.querySelector("#app")?.textContent?.includes("EN")))
      .toBe(true);
    await expect.poll(() => live.locator("h1").textContent()).toBe(METRO.title);
    await live.getByText("Persyaratan").first().click();
    await expect.poll(() => live.locator("li.post").first().textContent()).toContain("Pangkat paling rendah");
    await context.close();
  });

  it("lets a new candidate find the open Pontianak selection, sign up with a NIP and land on the candidate home", async () => {
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await page.goto(demo.site);

    const card = page.locator(`a[href="/seleksi/${OPEN_ID}"]`);
    await expect.poll(() => card.locator(".card__title").textContent()).toBe(OPEN.title);
    await card.click();
    await expect.poll(() => page.locator("h1").textContent()).toBe(OPEN.title);
    const posts = page.locator("li.post strong");
    await expect.poll(() => posts.count()).toBe(4);
    expect(await posts.allTextContents()).toEqual(OPEN.posts.map((p) => p.name));
    await page.screenshot({ path: join(SCREENSHOTS, "selection-360.png"), fullPage: true });

    await page.getByRole("link", { name: "Daftar sebagai peserta untuk melamar" }).click();
    await page.getByLabel("Nama lengkap").fill("Hendro Saputra, S.E., M.M.");
    // One digit short: the form names the problem in Indonesian before anything is sent.
    await page.getByLabel("NIP (18 digit)").fill("19800101 200501 1 00");
    await page.getByLabel("NIP (18 digit)").blur();
    await expect
      .poll(() => page.locator("#nip-error").textContent())
      .toBe("NIP harus 18 digit; yang Anda isi 17 digit.");
    // An impossible birth date is named as such.
    await page.getByLabel("NIP (18 digit)").fill("19800230 200501 1 001");
    await expect
      .poll(() => page.locator("#nip-error").textContent())
      .toBe("Digit 1–8 NIP (19800230) harus tanggal lahir yang ada (TTTTBBHH).");

    const nip = freshNip();
    const email = `hendro.${nip}@lampung.demo`;
    await page.getByLabel("NIP (18 digit)").fill(nip);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia2024");
    await page.getByLabel("Ulangi kata sandi").fill("rahasia2024");
    // Without consent to the privacy notice the form names what is missing.
    await page.getByRole("button", { name: "Daftar" }).click();
    await expect
      .poll(() => page.locator("#privacyNotice-error").textContent())
      .toBe("Baca pemberitahuan privasi dan centang persetujuan untuk mendaftar.");
    await page.getByLabel(/Saya telah membaca pemberitahuan privasi/).check();
    await page.screenshot({ path: join(SCREENSHOTS, "signup-360.png"), fullPage: true });
    await page.getByRole("button", { name: "Daftar" }).click();

    await expect.poll(() => page.locator("h1").textContent()).toBe("Periksa email Anda");
    expect(await page.getByTestId("check-email").textContent()).toContain(email);
    await page.screenshot({ path: join(SCREENSHOTS, "signup-check-email-360.png"), fullPage: true });

    // Until the link is opened the candidate home asks for it; afterwards the NIP is confirmed.
    await page.getByRole("link", { name: "Halaman peserta" }).click();
    await page.waitForURL(`${demo.site}/peserta`);
    await expect.poll(() => page.getByTestId("verify-email").isVisible()).toBe(true);
    await verifyEmail(email, "rahasia2024");
    await page.getByRole("button", { name: "Saya sudah memverifikasi" }).click();
    await expect.poll(() => page.getByTestId("verify-email").count()).toBe(0);
    await expect
      .poll(() => page.locator(".lead").first().textContent())
      .toBe("Selamat datang, Hendro Saputra, S.E., M.M..");
    await expect
      .poll(() => page.getByTestId("profile-nip").textContent())
      .toBe(`${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`);

    // Signing out and in again lands on the same home.
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(`${demo.site}/`);
    await page.getByRole("link", { name: "Masuk" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill("rahasia2024");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(`${demo.site}/peserta`);
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-home-360.png"), fullPage: true });
    await context.close();
  });

  it("answers a sign-up with a taken NIP like any other, and tells only the verified account", async () => {
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await page.goto(`${demo.site}/daftar`);
    const taken = CANDIDATES[1]!;
    const email = `lain.${Date.now()}@lampung.demo`;
    await page.getByLabel("Nama lengkap").fill("Orang Lain");
    await page.getByLabel("NIP (18 digit)").fill(taken.nip);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia2024");
    await page.getByLabel("Ulangi kata sandi").fill("rahasia2024");
    await page.getByLabel(/Saya telah membaca pemberitahuan privasi/).check();
    await page.getByRole("button", { name: "Daftar" }).click();
    // The same screen as a fresh NIP: an anonymous prober learns nothing.
    await expect.poll(() => page.locator("h1").textContent()).toBe("Periksa email Anda");

    await verifyEmail(email, "rahasia2024");
    await page.getByRole("link", { name: "Halaman peserta" }).click();
    await page.waitForURL(`${demo.site}/peserta`);
    await expect.poll(() => page.getByTestId("nip-taken").isVisible()).toBe(true);
    await page.getByLabel("BKPSDM yang memeriksa").selectOption("kota-metro");
    await page.getByRole("button", { name: "Ajukan sengketa NIP" }).click();
    await expect
      .poll(() => page.getByTestId("nip-taken").getByRole("status").last().textContent())
      .toBe("Sengketa diajukan. Datang ke BKPSDM dengan SK atau KTP Anda.");
    await page.screenshot({ path: join(SCREENSHOTS, "nip-dispute-360.png"), fullPage: true });
    await context.close();
  });

  it("takes an operator to the operator home with the government's selections and staff", async () => {
    const operator = STAFF.find((s) => s.uid === "demo-operator-metro")!;
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await page.goto(`${demo.site}/masuk`);
    await page.getByLabel("Email").fill(operator.email);
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(`${demo.site}/operator`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Halaman Operator BKPSDM");
    await expect.poll(() => page.locator(".lead").first().textContent()).toBe("Instansi: Pemerintah Kota Metro");
    // Metro's selection, its 2021 uji kompetensi (the scoring demo, seed/scoring.ts) and its 2022
    // selection at penetapan (seed/closing.ts).
    const metroTitles = [
      METRO.title,
      ...[SCORING_SELECTION_ID, CLOSING_SELECTION_ID].map((id) => TODAY.selections[id]!.title),
    ];
    await expect
      .poll(async () => (await page.locator(".card__title").allTextContents()).sort())
      .toEqual(metroTitles.sort());
    await expect.poll(() => page.locator(".members li").count()).toBe(3);
    await page.screenshot({ path: join(SCREENSHOTS, "operator-home-360.png"), fullPage: true });

    // A wrong password is a specific Indonesian message, not a crash.
    const other = await context.newPage();
    await other.goto(`${demo.site}/masuk`);
    await other.getByLabel("Email").fill(operator.email);
    await other.getByLabel("Kata sandi").fill("salah-sandi-1");
    await other.getByRole("button", { name: "Masuk" }).click();
    await expect.poll(() => other.getByRole("alert").textContent()).toBe("Email atau kata sandi salah.");
    await context.close();
  });

  it("switches the interface to English and back", async () => {
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await page.goto(demo.site);
    await page.getByRole("button", { name: "Bahasa" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Announced open selections");
    await page.reload();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Announced open selections");
    await page.getByRole("button", { name: "Language" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Seleksi terbuka yang diumumkan");
    await context.close();
  });
});
