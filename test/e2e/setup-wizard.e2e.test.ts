/**
 * The browser test, on 360 px phones: a BKPSDM operator of Kota Serang starts a new
 * selection, sets it up step by step (a rubric included), meets the specific errors for weights that
 * do not add up to 100, a rubric score used twice and a pansel of four, fixes them, and finds the
 * draft intact after reloading the page. Then the operator proposes opening registration, the Sekda
 * approves it on another phone, the public page shows the selection, and the pengumuman the operator
 * issues carries the post and its number in its PDF.
 *
 * The test makes its own draft (createDraft through the UI) rather than use the seeded Serang
 * selection, which the stage-approval test moves on to registration; the second test deletes its draft
 * with the page's button.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { projected } from "../support/projection.js";
import { signIn } from "../support/session.js";
import { DEMO_PASSWORD } from "../../seed/metro2021.js";

const demo = useDemoSite();

const TITLE = "Seleksi Terbuka JPT Pratama Kota Serang Tahun 2027";
const POST = "Kepala Dinas Pendidikan dan Kebudayaan";

/** Consecutive stages, registration 15 days (the profile's minimum), nothing overlapping. */
const SCHEDULE = {
  pendaftaran: ["2026-12-07", "2026-12-21"],
  seleksiAdministrasi: ["2026-12-22", "2026-12-28"],
  pengumumanAdministrasi: ["2026-12-29", "2027-01-04"],
  asesmenManajerial: ["2027-01-05", "2027-01-08"],
  kompetensiTeknis: ["2027-01-11", "2027-01-13"],
  wawancara: ["2027-01-14", "2027-01-15"],
  rekamJejak: ["2027-01-18", "2027-01-22"],
  pemeringkatan: ["2027-01-25", "2027-01-26"],
  laporanPpk: ["2027-01-27", "2027-01-29"],
} as const;

/** Names and affiliations are invented, in the style of a real pansel decree. */
const PANSEL = [
  { name: "Prof. Dr. Ahmad Sihabudin, M.Si.", origin: "akademisi", position: "ketua", affiliation: "Untirta" },
  { name: "Drs. H. Nanang Saefudin, M.Si.", origin: "internal", position: "sekretaris", affiliation: "Sekda" },
  { name: "Dr. Rina Yulianti, S.H., M.H.", origin: "akademisi", position: "anggota", affiliation: "UIN SMH Banten" },
  { name: "Ir. Bambang Hermawan, M.T.", origin: "profesional", position: "anggota", affiliation: "Asesor SDM" },
  { name: "Hj. Ratu Ani Nuraeni, S.Sos.", origin: "internal", position: "anggota", affiliation: "Inspektorat" },
] as const;

/** The rubric typed for the track record, which has none by default. */
const TRACK_RECORD_INDICATORS = [
  "Capaian kinerja (SKP) tiga tahun terakhir",
  "Integritas dan kedisiplinan",
  "Hubungan kerja dengan atasan, rekan dan bawahan",
] as const;

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });

/** What the phone's screen shows with `selector` in the middle of it, the sticky bar included. */
async function screen(page: Page, name: string, selector: string): Promise<void> {
  await page.locator(selector).evaluate((element) => element.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

async function stepIs(page: Page, n: number): Promise<void> {
  await expect.poll(() => page.getByTestId("step-of").textContent()).toBe(`Langkah ${n} dari 6`);
}

async function next(page: Page, to: number): Promise<void> {
  await page.getByRole("button", { name: "Lanjut" }).click();
  await stepIs(page, to);
}

/** Opens a folded item (a component, a rubric level) by its summary, as a thumb does. */
async function unfold(page: Page, id: string): Promise<void> {
  const details = page.locator(`details#${id}`);
  if ((await details.getAttribute("open")) === null) await details.locator(":scope > summary").click();
  await expect.poll(() => details.getAttribute("open")).not.toBeNull();
}

/** Nothing on the page may be wider than the phone. */
async function fitsThePhone(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

describe("setup wizard", () => {
  it("sets up a new selection on a phone, explains bad input and keeps the draft", async () => {
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, "operator@serangkota.demo", "/operator");
    await page.getByRole("button", { name: "Buat seleksi baru" }).click();
    await page.waitForURL(/\/kelola\/[^/]+$/, { timeout: 15_000 });
    const manage = page.url();
    await page.getByRole("link", { name: "Atur seleksi (langkah demi langkah)" }).click();
    await page.waitForURL(`${manage}/atur`);
    await stepIs(page, 1);

    // 1. Umum
    await page.locator("#f-title").fill(TITLE);
    await page.locator("#f-referenceDate").fill("2026-12-21");
    await page.locator("#f-openTo").fill("PNS di lingkungan Pemerintah Provinsi Banten dan kabupaten/kota se-Banten");
    // A new draft has no rule of who may apply; registration cannot open until it has one.
    const openToRule = page.locator("#f-openToRule .findings");
    await expect
      .poll(() => openToRule.textContent())
      .toContain("Siapa yang boleh melamar belum ditetapkan; pilih cakupannya");
    await page.locator("#f-openToRule-scope").selectOption("province");
    await page.locator("#f-openToRule-province").fill("Banten");
    await expect.poll(() => openToRule.count()).toBe(0);
    await page.locator("#f-secondVerifier").check();
    await page.locator("#f-contact-name").fill("Sekretariat Pansel JPT Kota Serang");
    await page.locator("#f-contact-phone").fill("0254-200001");
    // Offline the draft waits on the device, and says so; back online it reaches the server.
    await context.setOffline(true);
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await expect
      .poll(() => page.getByTestId("save-state").textContent())
      .toBe("Tersimpan di perangkat, akan dikirim saat tersambung.");
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId("save-state").textContent()).toBe("Draf tersimpan.");
    await fitsThePhone(page);
    await shot(page, "setup-1-umum-360.png");
    await screen(page, "setup-1-umum-screen-360.png", "#f-legalBasis");
    await next(page, 2);

    // 2. Jabatan: none yet, which the checks say; then one post, with an age typed in words first.
    await expect.poll(() => page.locator("#f-posts").textContent()).toContain("Belum ada jabatan");
    await page.getByRole("button", { name: "Tambah jabatan" }).click();
    await page.locator("#f-posts-0-name").fill(POST);
    await page.locator("#f-posts-0-opd").fill("Dinas Pendidikan dan Kebudayaan");
    const maxAge = page.locator("#f-posts-0-requirements-maxAge");
    await maxAge.fill("lima puluh enam");
    await expect
      .poll(() => page.locator("#f-posts-0-requirements-maxAge-msg").textContent())
      .toBe("\u201clima puluh enam\u201d bukan angka. Isian ini belum disimpan.");
    expect(await maxAge.inputValue()).toBe("lima puluh enam");
    await fitsThePhone(page);
    await shot(page, "setup-2-jabatan-360.png");
    await screen(page, "setup-2-jabatan-screen-360.png", "#f-posts-0-requirements-maxAge");
    await maxAge.fill("58");
    await expect
      .poll(() => page.locator("#f-posts-0-requirements-maxAge-msg").textContent())
      .toContain("Batas usia 58 tahun melebihi batas 56 tahun untuk JPT Pratama");
    await maxAge.fill("56");
    await expect.poll(() => page.locator("#f-posts-0-requirements-maxAge-msg").count()).toBe(0);
    await next(page, 3);

    // 3. Jadwal
    for (const [stage, [start, end]] of Object.entries(SCHEDULE)) {
      await page.locator(`#f-schedule-${stage}-start`).fill(start);
      await page.locator(`#f-schedule-${stage}-end`).fill(end);
    }
    await expect.poll(() => page.locator(".wizard .findings").allTextContents()).toEqual([]);
    await fitsThePhone(page);
    await shot(page, "setup-3-jadwal-360.png");
    await next(page, 4);

    // 4. Penilaian: components fold into one line each, the paper's and the interview's with their
    // default rubrics. 40 + 25 + 20 + 10 is 95, and the error says so; 25 makes it 100.
    const total = page.getByTestId("weight-total");
    await expect.poll(() => total.textContent()).toBe("Total bobot: 100 dari 100");
    await expect
      .poll(() => page.locator("#f-scoringPlan-components-2 > summary").allInnerTexts())
      .toEqual(["Wawancara akhir\nBobot 25%\nRubrik: 4 indikator, 4 tingkat"]);
    await fitsThePhone(page);
    await shot(page, "setup-4-penilaian-folded-360.png");
    await unfold(page, "f-scoringPlan-components-2");
    await page.locator("#f-scoringPlan-components-2-weight").fill("20");
    await expect.poll(() => total.textContent()).toBe("Total bobot: 95 dari 100");
    expect(await total.getAttribute("class")).toContain("total--bad");
    await expect
      .poll(() => page.locator("#f-scoringPlan-components").textContent())
      .toBe("Jumlah bobot komponen penilaian 95%; harus tepat 100%.");
    await fitsThePhone(page);
    await shot(page, "setup-4-penilaian-95-360.png");
    await screen(page, "setup-4-penilaian-95-screen-360.png", "#f-scoringPlan-components-2-weight");
    await page.locator("#f-scoringPlan-components-2-weight").fill("25");
    await expect.poll(() => total.textContent()).toBe("Total bobot: 100 dari 100");
    await expect.poll(() => page.locator("#f-scoringPlan-components").textContent()).toBe("");

    // The track record gets a rubric: turned on, it starts from the usual four levels.
    const track = "f-scoringPlan-components-3";
    await unfold(page, track);
    await page.locator(`#${track}`).getByLabel("Dinilai dengan rubrik").check();
    await expect
      .poll(() => page.locator(`details[id^="${track}-rubric-levels-"] > summary`).allTextContents())
      .toEqual(["90 · Sangat baik", "75 · Baik", "60 · Cukup", "40 · Kurang"]);
    for (const [j, indicator] of TRACK_RECORD_INDICATORS.entries()) {
      await page.locator(`#${track}`).getByRole("button", { name: "Tambah indikator" }).click();
      await page.locator(`#${track}-rubric-indicators-${j}-label`).fill(indicator);
    }
    await screen(page, "setup-4-rubrik-indikator-screen-360.png", `#${track}-rubric-indicators-0-label`);
    // A score used twice, then one that is not a number: each explained beside the input, and kept.
    await unfold(page, `${track}-rubric-levels-1`);
    const score = page.locator(`#${track}-rubric-levels-1-score`);
    await score.fill("90");
    await expect
      .poll(() => page.locator(`#${track}-rubric-levels-1-score-msg`).textContent())
      .toBe("Nilai 90 dipakai lebih dari satu tingkat rubrik pada komponen Penelusuran rekam jejak.");
    await expect.poll(() => page.locator(`#${track} > summary .badge--error`).textContent()).toBe("1 masalah");
    await fitsThePhone(page);
    await shot(page, "setup-4-rubrik-360.png");
    await screen(page, "setup-4-rubrik-screen-360.png", `#${track}-rubric-levels-1-score`);
    await score.fill("tujuh puluh");
    await expect
      .poll(() => page.locator(`#${track}-rubric-levels-1-score-msg`).textContent())
      .toBe("\u201ctujuh puluh\u201d bukan angka. Isian ini belum disimpan.");
    expect(await score.inputValue()).toBe("tujuh puluh");
    await score.fill("70");
    await page.locator(`#${track}-rubric-levels-1-label`).fill("Baik");
    await page.locator(`#${track}-rubric-levels-1-description`).fill("Kinerja baik dan tidak ada catatan disiplin.");
    await expect.poll(() => page.locator(`#${track}-rubric-levels-1-score-msg`).count()).toBe(0);
    await expect
      .poll(() => page.locator(`#${track} > summary`).allInnerTexts())
      .toEqual(["Penelusuran rekam jejak\nBobot 10%\nRubrik: 3 indikator, 4 tingkat"]);
    await screen(page, "setup-4-rubrik-ok-screen-360.png", `#${track}-rubric-levels-1-score`);
    await next(page, 5);

    // 5. Pansel: four members are an even number (and too few); the fifth makes it right.
    const addMember = async (i: number) => {
      const m = PANSEL[i]!;
      await page.getByRole("button", { name: "Tambah anggota" }).click();
      await page.locator(`#f-pansel-${i}-name`).fill(m.name);
      await page.locator(`#f-pansel-${i}-position`).selectOption(m.position);
      await page.locator(`#f-pansel-${i}-origin`).selectOption(m.origin);
      await page.locator(`#f-pansel-${i}-affiliation`).fill(m.affiliation);
    };
    for (let i = 0; i < 4; i++) await addMember(i);
    await expect.poll(() => page.getByTestId("pansel-count").textContent()).toBe("4 anggota, 1 internal");
    await expect
      .poll(() => page.locator("#f-pansel").textContent())
      .toContain(
        "Panitia seleksi berjumlah 4 orang; jumlahnya harus ganjil agar keputusan tidak seri (Permenpan RB No. 15 Tahun 2019).",
      );
    await fitsThePhone(page);
    await shot(page, "setup-5-pansel-4-360.png");
    await screen(page, "setup-5-pansel-4-screen-360.png", "#f-pansel");
    // The review lists the same errors, each with the way back to its step.
    await page.getByRole("button", { name: "6. Periksa" }).click();
    await stepIs(page, 6);
    await expect
      .poll(() => page.getByTestId("review-errors").textContent())
      .toContain("Panitia seleksi berjumlah 4 orang; jumlahnya harus ganjil");
    await shot(page, "setup-6-periksa-errors-360.png");
    await page.getByRole("button", { name: "Perbaiki di langkah Panitia seleksi" }).first().click();
    await stepIs(page, 5);
    await addMember(4);
    await expect.poll(() => page.getByTestId("pansel-count").textContent()).toBe("5 anggota, 2 internal");
    await expect.poll(() => page.locator("#f-pansel .findings").allTextContents()).toEqual([]);
    await next(page, 6);

    // 6. Periksa: nothing wrong, and every step has been written as it was left.
    await expect.poll(() => page.getByTestId("review-ok").isVisible()).toBe(true);
    expect(await page.getByTestId("review-errors").count()).toBe(0);
    await expect.poll(() => page.getByTestId("save-state").textContent()).toBe("Draf tersimpan.");
    await fitsThePhone(page);
    await shot(page, "setup-6-periksa-360.png");

    // The draft is on the server: a reload starts the form from it, on the same step.
    await page.reload();
    await stepIs(page, 6);
    await expect.poll(() => page.getByTestId("review-ok").isVisible()).toBe(true);
    await page.getByRole("button", { name: "1. Umum" }).click();
    await stepIs(page, 1);
    expect(await page.locator("#f-title").inputValue()).toBe(TITLE);
    expect(await page.locator("#f-referenceDate").inputValue()).toBe("2026-12-21");
    expect(await page.locator("#f-openToRule-scope").inputValue()).toBe("province");
    expect(await page.locator("#f-secondVerifier").isChecked()).toBe(true);
    await page.getByRole("button", { name: "2. Jabatan" }).click();
    expect(await page.locator("#f-posts-0-name").inputValue()).toBe(POST);
    expect(await page.locator("#f-posts-0-requirements-maxAge").inputValue()).toBe("56");
    await page.getByRole("button", { name: "3. Jadwal" }).click();
    expect(await page.locator("#f-schedule-wawancara-end").inputValue()).toBe("2027-01-15");
    await page.getByRole("button", { name: "4. Penilaian" }).click();
    await expect.poll(() => page.getByTestId("weight-total").textContent()).toBe("Total bobot: 100 dari 100");
    await unfold(page, "f-scoringPlan-components-3");
    expect(await page.locator("#f-scoringPlan-components-3-rubric-on").isChecked()).toBe(true);
    expect(await page.locator("#f-scoringPlan-components-3-rubric-indicators-2-label").inputValue()).toBe(
      TRACK_RECORD_INDICATORS[2],
    );
    expect(await page.locator("#f-scoringPlan-components-3-rubric-levels-1-score").inputValue()).toBe("70");
    await page.getByRole("button", { name: "5. Panitia seleksi" }).click();
    await expect.poll(() => page.getByTestId("pansel-count").textContent()).toBe("5 anggota, 2 internal");
    expect(await page.locator("#f-pansel-4-name").inputValue()).toBe(PANSEL[4].name);

    // The selection's page shows the title the wizard wrote; the operator proposes opening registration.
    await page.goto(manage);
    await expect.poll(() => page.locator("h1").textContent()).toBe(TITLE);
    const selectionId = new URL(manage).pathname.split("/").pop() ?? "";
    const { db } = await import("../support/admin.js");
    expect((await db.collection("selections").doc(selectionId).get()).data()).toMatchObject({
      openToRule: { scope: "province", province: "Banten", conditions: [] },
      secondVerifier: true,
    });
    await expect.poll(() => page.getByTestId("stage").textContent()).toBe("Tahap sekarang: Persiapan");
    await page.getByRole("button", { name: "Usulkan pindah ke: Pengumuman dan pendaftaran" }).click();
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toContainEqual(
        expect.stringContaining("Menunggu persetujuan: pindah ke \u201cPengumuman dan pendaftaran\u201d"),
      );

    // The Sekda approves it on another phone, from the inbox.
    const pejabatContext = await phoneContext(demo.browser);
    const pejabat = await pejabatContext.newPage();
    await signIn(pejabat, "sekda@serangkota.demo", "/pejabat");
    const proposal = pejabat.getByTestId("proposal").filter({ hasText: TITLE });
    await expect
      .poll(() => proposal.locator(".inbox__move").textContent())
      .toBe("Persiapan \u2192 Pengumuman dan pendaftaran");
    await fitsThePhone(pejabat);
    await proposal.getByRole("button", { name: "Setujui" }).click();
    await expect
      .poll(() => pejabat.getByRole("status").allTextContents())
      .toContainEqual("Disetujui. Tahap seleksi sekarang: Pengumuman dan pendaftaran.");
    await pejabatContext.close();
    await expect.poll(() => page.getByTestId("stage").textContent()).toBe("Tahap sekarang: Pengumuman dan pendaftaran");

    // Anyone can now read it, with the post typed in the wizard, once the trigger has projected it.
    await projected(selectionId, (p) => p?.stage === "pendaftaran");
    const publicContext = await phoneContext(demo.browser);
    const anonymous = await publicContext.newPage();
    await anonymous.goto(`${demo.site}/seleksi/${selectionId}`);
    await expect.poll(() => anonymous.locator("h1").textContent()).toBe(TITLE);
    expect(await anonymous.locator("li.post strong").allTextContents()).toEqual([POST]);
    await fitsThePhone(anonymous);
    await shot(anonymous, "setup-public-360.png");
    await publicContext.close();

    // The operator issues the pengumuman; its verification page gives the PDF, which names the post.
    await page.getByRole("button", { name: "Terbitkan pengumuman (PDF)" }).click();
    const issued = page.locator(".notice--success");
    await expect.poll(() => issued.textContent()).toMatch(/^Pengumuman nomor \S+ \(versi 1\) diterbitkan\.$/);
    const number = /nomor (\S+)/.exec((await issued.textContent()) ?? "")?.[1] ?? "";
    expect(number).toMatch(/^\d{3}\/PENG\/PANSEL-JPT\/BKPSDM-SRG\/[IVX]+\/\d{4}$/);
    await page.getByRole("link", { name: "Halaman verifikasi" }).click();
    await page.waitForURL(`${demo.site}/verifikasi/${selectionId}-pengumuman-v1`);
    const facts = page.getByTestId("document-facts");
    await expect.poll(() => facts.textContent()).toContain(number);
    const hash = (await facts.locator(".hash").textContent()) ?? "";
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Unduh PDF" }).click(),
    ]);
    const saved = join(SCREENSHOTS, "pengumuman-wizard.pdf");
    await download.saveAs(saved);
    const pdf = readFileSync(saved);
    expect(createHash("sha256").update(pdf).digest("hex")).toBe(hash);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(number);
    expect(flat).toContain(POST);
    await context.close();
  });

  it("does not let two operators silently overwrite each other's draft", async () => {
    // A second operator of Kota Serang, made the way the seed makes staff.
    const { auth, db } = await import("../support/admin.js");
    const { applyStaffRoles } = await import("../../functions/src/accounts/staffRoles.js");
    const email = `operator2.${Date.now().toString(36)}@serangkota.demo`;
    const second = await auth.createUser({
      email,
      password: DEMO_PASSWORD,
      displayName: "Rahmat Hidayat, S.Kom.",
      emailVerified: true,
    });
    await applyStaffRoles(
      second.uid,
      { email, instansiId: "kota-serang", roles: ["operator"], name: "Rahmat Hidayat, S.Kom." },
      { uid: "test", name: "Test setup", as: "platformAdmin" },
    );

    const firstContext = await phoneContext(demo.browser);
    const first = await firstContext.newPage();
    await signIn(first, "operator@serangkota.demo", "/operator");
    await first.getByRole("button", { name: "Buat seleksi baru" }).click();
    await first.waitForURL(/\/kelola\/[^/]+$/, { timeout: 15_000 });
    const wizard = `${first.url()}/atur`;
    const selectionId = new URL(first.url()).pathname.split("/").pop() ?? "";
    await first.goto(wizard);
    await stepIs(first, 1);

    const secondContext = await phoneContext(demo.browser);
    const other = await secondContext.newPage();
    await signIn(other, email, "/operator");
    await other.goto(wizard);
    await stepIs(other, 1);

    // Both start from the same revision; the first to save wins it.
    await first.locator("#f-title").fill("Seleksi Terbuka JPT Pratama Kota Serang 2027 (versi Fitri)");
    await first.getByRole("button", { name: "Simpan draf" }).click();
    await expect.poll(() => first.getByTestId("save-state").textContent()).toBe("Draf tersimpan.");

    // The second is refused, sees both versions side by side, and keeps what they typed.
    await other.locator("#f-title").fill("Seleksi Terbuka JPT Pratama Kota Serang 2027 (versi Rahmat)");
    await other.getByRole("button", { name: "Simpan draf" }).click();
    const conflict = other.getByTestId("conflict");
    await expect.poll(() => conflict.textContent()).toContain("(versi Fitri)");
    expect(await conflict.textContent()).toContain("(versi Rahmat)");
    expect(await other.getByTestId("outbox-problem").textContent()).toContain("Draf ini sudah diubah orang lain");
    expect(await other.locator("#f-title").inputValue()).toContain("(versi Rahmat)");
    const selection = db.collection("selections").doc(selectionId);
    expect(String((await selection.get()).get("title"))).toContain("(versi Fitri)");
    await fitsThePhone(other);
    await shot(other, "setup-conflict-360.png");

    // Choosing their own version saves it on top of the colleague's revision, knowingly.
    await other.getByRole("button", { name: "Simpan versi saya" }).click();
    await expect.poll(() => other.getByTestId("save-state").textContent()).toBe("Draf tersimpan.");
    await expect.poll(async () => String((await selection.get()).get("title"))).toContain("(versi Rahmat)");
    expect((await selection.get()).get("setupRevision")).toBe(2);

    await secondContext.close();
    // The operator deletes the draft from its page, after a second question, and lands on the home.
    await first.goto(wizard.replace(/\/atur$/, ""));
    await first.getByRole("button", { name: "Hapus draf" }).click();
    expect(await first.getByRole("alertdialog").textContent()).toContain("tidak dapat dibatalkan");
    await first.getByRole("button", { name: "Ya, hapus draf" }).click();
    await first.waitForURL(/\/operator$/, { timeout: 15_000 });
    expect((await selection.get()).exists).toBe(false);
    await firstContext.close();
    await auth.deleteUser(second.uid);
  });
});
