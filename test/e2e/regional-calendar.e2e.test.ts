/**
 * Kota Pontianak's operator, on a phone, records a second Penjabat period: a reversed period is
 * refused beside its field in Indonesian and nothing is saved; the corrected one is saved, listed and
 * shows in the history with the operator's name. The seed's own dates are put back at the end.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDateId } from "../../functions/src/domain/calendar.js";
import { TODAY } from "../../seed/metro2021.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
// The seed moves Pontianak's calendar with its selection to the day it runs (seed/metro2021.ts).
const SEEDED = TODAY.instansi["kota-pontianak"]!;
const ELECTION = SEEDED.elections[0]!;
const PENJABAT = `${formatDateId(SEEDED.actingHeads[0]!.from)} s.d. ${formatDateId(SEEDED.actingHeads[0]!.to)}`;

describe("the regional calendar on the operator's home", () => {
  it("records a Penjabat period after showing what was wrong with it", async () => {
    const page = await (await phoneContext(demo.browser)).newPage();
    await signIn(page, "operator@pontianak.demo", "/operator");
    const section = page.getByTestId("regional-calendar");
    const listed = () => section.locator("ul").first().locator("li").allTextContents();
    const penjabat = () => section.locator("ul").nth(1).locator("li").allTextContents();
    await expect
      .poll(listed)
      .toEqual([
        `Penetapan pasangan calon ${formatDateId(ELECTION.candidatePairsDetermination)}, akhir masa jabatan ${formatDateId(ELECTION.termEnd)}`,
      ]);
    await expect.poll(penjabat).toEqual([PENJABAT]);

    await section.getByRole("button", { name: "Ubah" }).click();
    await section.getByRole("button", { name: "Tambah masa Penjabat" }).click();
    await section.locator("#calendar-actingHeads-1-from").fill("2026-05-01");
    await section.locator("#calendar-actingHeads-1-to").fill("2026-04-30");
    await section.getByRole("button", { name: "Simpan" }).click();
    await expect
      .poll(() => section.locator("#calendar-actingHeads-1-to-error").textContent())
      .toBe("Tanggal akhir (2026-04-30) lebih awal dari tanggal mulai (2026-05-01).");
    await page.screenshot({ path: join(SCREENSHOTS, "operator-calendar-error-360.png"), fullPage: true });

    await section.locator("#calendar-actingHeads-1-to").fill("2026-10-31");
    await section.getByRole("button", { name: "Simpan" }).click();
    await expect.poll(() => section.getByRole("status").allTextContents()).toContain("Tersimpan.");
    await expect.poll(penjabat).toEqual([PENJABAT, "1 Mei 2026 s.d. 31 Oktober 2026"]);
    const history = section.getByRole("list", { name: "Riwayat perubahan" });
    await expect
      .poll(() => history.locator("li").first().textContent())
      .toContain("Yohanes Kristianto, S.Kom. mengubah catatan: 1 pilkada, 2 masa Penjabat");
    await page.screenshot({ path: join(SCREENSHOTS, "operator-calendar-360.png"), fullPage: true });

    // Back to the seed's dates: remove the new row.
    await section.getByRole("button", { name: "Ubah" }).click();
    await section.getByRole("button", { name: "Hapus baris" }).nth(2).click();
    await section.getByRole("button", { name: "Simpan" }).click();
    await expect.poll(penjabat).toEqual([PENJABAT]);
  });
});
