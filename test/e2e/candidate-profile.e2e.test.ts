/**
 * Kota Metro's demo candidate, on a phone, fills the profile from what sign-up left: a birth date
 * that does not match the NIP is refused in Indonesian beside its field and nothing is saved; fixed,
 * the profile is saved and complete. An edit made offline waits on the device, says so, and reaches
 * the server when the phone is back online. The seed resets the profile on every run.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { candidateProfile } from "../../functions/src/domain/schemas/profile.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const UID = "demo-peserta-01"; // peserta@metrokota.demo, NIP 19720315 199803 1 004

const completeness = (page: Page) => page.getByTestId("profile-completeness").locator("strong").textContent();
const saveState = (page: Page) => page.getByTestId("profile-save-state").textContent();

async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe("the candidate's profile", () => {
  it("is filled on a phone, refuses a birth date the NIP contradicts, and reaches 100 %", async () => {
    // The living demo gives this candidate a full profile: start from what sign-up leaves.
    const ref = db.collection(COLLECTIONS.profiles).doc(UID);
    const seeded = (await ref.get()).data() ?? {};
    const SIGN_UP = [
      "nip",
      "name",
      "email",
      "birthDate",
      "serviceStart",
      "sex",
      "nipStatus",
      "consent",
      "golongan",
      "currentPost",
      "originInstansi",
    ];
    await ref.set(Object.fromEntries(SIGN_UP.filter((k) => k in seeded).map((k) => [k, seeded[k]])));
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, "peserta@metrokota.demo", "/peserta");
    // Sign-up left the identity only (and the seed's rank and post): one section of eight.
    await expect.poll(() => completeness(page)).toBe("Kelengkapan profil: 12%");
    await page.getByRole("link", { name: "Ubah profil" }).click();
    await page.waitForURL(`${demo.site}/peserta/profil`);

    await expect.poll(() => page.locator("#pf-nip").inputValue()).toBe("19720315 199803 1 004");
    expect(await page.locator("#pf-currentInstansi").inputValue()).toBe("Pemerintah Kota Metro");
    await page.locator("#pf-birthPlace").fill("Metro");
    await page.locator("#pf-birthDate").fill("1972-05-13");
    await page.locator("#pf-golongan").selectOption("IV/b");
    await page.locator("#pf-golonganSince").fill("2018-04-01");
    await page.locator("#pf-province").fill("Lampung");

    await page.getByRole("button", { name: "Tambah jabatan" }).click();
    await page.locator("#pf-posts-0-name").fill("Kepala Bidang Perencanaan Ekonomi Bappeda");
    await page.locator("#pf-posts-0-from").fill("2014-01-06");
    await page.locator("#pf-posts-0-to").fill("2018-12-31");
    await page.getByRole("button", { name: "Tambah jabatan" }).click();
    await page.locator("#pf-posts-1-name").fill("Sekretaris Bappeda");
    await page.locator("#pf-posts-1-from").fill("2019-01-02");
    // A row added by mistake goes again.
    await page.getByRole("button", { name: "Tambah jabatan" }).click();
    await page.locator("#section-posts").getByRole("button", { name: "Hapus baris" }).nth(2).click();
    expect(await page.locator("#pf-posts-2-name").count()).toBe(0);

    await page.getByRole("button", { name: "Tambah pendidikan" }).click();
    await page.locator("#pf-education-0-level").selectOption("S2");
    await page.locator("#pf-education-0-field").fill("Administrasi Publik");
    await page.locator("#pf-education-0-institution").fill("Universitas Lampung");
    await page.locator("#pf-education-0-year").fill("2008");
    for (const [i, [year, rating]] of [
      ["2024", "Baik"],
      ["2025", "Sangat Baik"],
    ].entries()) {
      await page.getByRole("button", { name: "Tambah penilaian kinerja" }).click();
      await page.locator(`#pf-performance-${i}-year`).fill(year!);
      await page.locator(`#pf-performance-${i}-rating`).selectOption(rating!);
    }
    await page.locator("#pf-phone").fill("0812-7200-1534");
    // Every section has something now, the wrong birth date too.
    await expect.poll(() => completeness(page)).toBe("Kelengkapan profil: 100%");

    await page.getByRole("button", { name: "Simpan profil" }).click();
    await expect
      .poll(() => page.locator("#pf-birthDate-error").textContent())
      .toBe("Tanggal lahir 1972-05-13 tidak sama dengan tanggal lahir dalam NIP (1972-03-15). Periksa salah satunya.");
    expect(await page.locator("#pf-birthDate").getAttribute("aria-invalid")).toBe("true");
    expect(await saveState(page)).toBe("");
    await fitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-profile-error-360.png"), fullPage: true });
    expect((await db.doc(`${COLLECTIONS.profiles}/${UID}`).get()).get("profileRevision")).toBeUndefined();

    await page.locator("#pf-birthDate").fill("1972-03-15");
    await page.getByRole("button", { name: "Simpan profil" }).click();
    await expect.poll(() => saveState(page), { timeout: 60_000 }).toBe("Tersimpan.");
    expect(await page.locator("#pf-birthDate-error").count()).toBe(0);
    await expect.poll(() => completeness(page)).toBe("Kelengkapan profil: 100%");
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-profile-360.png"), fullPage: true });

    const stored = (await db.doc(`${COLLECTIONS.profiles}/${UID}`).get()).data() ?? {};
    expect(stored["profileRevision"]).toBe(1);
    const profile = candidateProfile().parse(stored);
    expect(profile).toMatchObject({
      birthDate: "1972-03-15",
      birthPlace: "Metro",
      golonganSince: "2018-04-01",
      province: "Lampung",
      posts: [
        {
          name: "Kepala Bidang Perencanaan Ekonomi Bappeda",
          type: "administrator",
          from: "2014-01-06",
          to: "2018-12-31",
        },
        { name: "Sekretaris Bappeda", type: "administrator", from: "2019-01-02" },
      ],
      performance: [
        { year: 2024, rating: "Baik" },
        { year: 2025, rating: "Sangat Baik" },
      ],
    });

    // Offline: the edit stays on the device, says so, and is sent once the phone is online again.
    await context.setOffline(true);
    await page.locator("#pf-phone").fill("0812-7200-9999");
    await page.getByRole("button", { name: "Simpan profil" }).click();
    await expect.poll(() => saveState(page)).toContain("Tersimpan di perangkat ini");
    const waiting = await page.evaluate(() => localStorage.getItem("seleksi.profileOutbox.demo-peserta-01"));
    expect(waiting).toContain("0812-7200-9999");
    await context.setOffline(false);
    await expect.poll(() => saveState(page), { timeout: 60_000 }).toBe("Tersimpan.");
    expect((await db.doc(`${COLLECTIONS.profiles}/${UID}`).get()).get("phone")).toBe("0812-7200-9999");

    await page.getByRole("link", { name: "Kembali ke halaman peserta" }).click();
    await expect.poll(() => completeness(page)).toBe("Kelengkapan profil: 100%");
    expect(await page.getByTestId("profile-card").textContent()).toContain("Profil lengkap.");
  });
});
