/**
 * The end of a selection on phones (360 px), on the seeded Metro 2022 at penetapan: the Sekda (PPK)
 * finds the pansel's proposal letter and the 3 besar of each post, chooses on every post (the second
 * on one, with a reason), and the report's deadline appears; the operator then issues the final
 * report to the national authority. The seed is written again by the next browser test file.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLOSING_SELECTION_ID } from "../../seed/closing.js";
import { TODAY } from "../../seed/metro2021.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const PAGE = `/kelola/${CLOSING_SELECTION_ID}/pilihan-ppk`;
const REASON = "Pengalaman memimpin perencanaan daerah lebih sesuai dengan prioritas lima tahun ke depan.";

describe("the letters after the ranking", () => {
  it("the PPK reads the proposal, chooses on every post, and the operator issues the final report", async () => {
    const sekda = await (await phoneContext(demo.browser)).newPage();
    await signIn(sekda, "sekda@metrokota.demo", "/pejabat");
    await sekda.goto(`${demo.site}${PAGE}`);
    const letters = sekda.getByTestId("closing-letters");
    await expect
      .poll(() => sekda.getByTestId("proposal-letter").textContent(), { timeout: 30_000 })
      .toContain(TODAY.closing.document.record.number);
    expect(await letters.getByRole("button", { name: /Unduh/ }).count()).toBe(1);
    // The PPK issues nothing: the buttons are the operator's.
    expect(await letters.getByRole("button", { name: /Terbitkan/ }).count()).toBe(0);
    expect(await sekda.getByTestId("report-deadline").count()).toBe(0);

    for (const id of TODAY.closing.rankings.map((r) => r.doc.postId)) {
      const card = sekda.getByTestId(`ppk-${id}`);
      await expect.poll(() => card.getByRole("radio").count(), { timeout: 30_000 }).toBe(3);
      const second = id === "bappeda";
      await card
        .getByRole("radio")
        .nth(second ? 1 : 0)
        .check();
      if (second) await card.getByRole("textbox").fill(REASON);
      await card.getByRole("button", { name: "Tetapkan pilihan" }).click();
      await card.getByRole("button", { name: "Ya, tetapkan" }).click();
      await expect
        .poll(() => sekda.getByTestId(`ppk-${id}-chosen`).textContent(), { timeout: 30_000 })
        .toContain(second ? "peringkat 2" : "peringkat 1");
    }
    // Chosen today: the report is due in the profile's 7 days, not overdue.
    const deadline = sekda.getByTestId("report-deadline");
    await expect.poll(() => deadline.textContent(), { timeout: 30_000 }).toContain("Laporan ke BKN paling lambat");
    expect(await deadline.getAttribute("data-overdue")).toBe("false");
    expect(await sekda.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await sekda.screenshot({ path: join(SCREENSHOTS, "ppk-letters-360.png"), fullPage: true });

    const operator = await (await phoneContext(demo.browser)).newPage();
    await signIn(operator, "operator@metrokota.demo", "/operator");
    await operator.goto(`${demo.site}${PAGE}`);
    // Once the PPK has chosen, the proposal is not issued again.
    await expect
      .poll(() => operator.getByRole("button", { name: "Terbitkan laporan akhir seleksi" }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(await operator.getByRole("button", { name: "Terbitkan surat usulan tiga besar" }).count()).toBe(0);
    await operator.getByRole("button", { name: "Terbitkan laporan akhir seleksi" }).click();
    await expect
      .poll(() => operator.getByTestId("final-report").textContent(), { timeout: 120_000 })
      .toMatch(/Laporan akhir seleksi: nomor \d{3}\/LAP\//);
  });
});
